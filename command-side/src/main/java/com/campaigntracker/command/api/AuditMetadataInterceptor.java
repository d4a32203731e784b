package com.campaigntracker.command.api;

import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.shared.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts who issues a command, in which role and for which unit into its metadata ({@link AuditMetadata}); the
 * correlation data providers of {@link AuditConfiguration} copy them onto every event the command causes. The
 * authenticated account of the request wins over anything a caller put there; without one, metadata set by
 * trusted in-process code is kept, and otherwise the command is recorded as {@value #ANONYMOUS_USER}.
 */
@Component
public class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
    public static final String ANONYMOUS_USER = "anonymous";
    public static final String ANONYMOUS_ROLE = "ANONYMOUS";

    /** Who issues a command, as its audit metadata: account, role and, for a unit account, its unit. */
    public static MetaData identity(Actor actor) {
        MetaData who = MetaData.with(AuditMetadata.USER, actor.username()).and(AuditMetadata.ROLE, actor.primaryRole());
        return actor.unitId() == null ? who : who.and(AuditMetadata.ACTING_UNIT, actor.unitId());
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Actor actor = CurrentActor.get();
            if (actor != Actor.ANONYMOUS) {
                return command.withMetaData(command.getMetaData().withoutKeys(Set.of(AuditMetadata.ACTING_UNIT))
                        .mergedWith(identity(actor)));
            }
            MetaData metaData = command.getMetaData();
            if (metaData.containsKey(AuditMetadata.USER) && metaData.containsKey(AuditMetadata.ROLE)) {
                return command;
            }
            return command.andMetaData(Map.of(AuditMetadata.USER, ANONYMOUS_USER,
                    AuditMetadata.ROLE, ANONYMOUS_ROLE));
        };
    }
}
