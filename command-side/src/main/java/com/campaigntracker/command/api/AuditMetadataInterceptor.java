package com.campaigntracker.command.api;

import com.campaigntracker.shared.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts who issues a command and in which role into its metadata ({@link AuditMetadata}); the correlation data
 * providers of {@link AuditConfiguration} copy both onto every event the command causes. The authenticated
 * principal of the request wins over anything a caller put there; without one, metadata set by trusted
 * in-process code is kept, and otherwise the command is recorded as {@value #ANONYMOUS_USER}.
 */
@Component
public class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
    public static final String ANONYMOUS_USER = "anonymous";
    public static final String ANONYMOUS_ROLE = "ANONYMOUS";

    private final AuditIdentityResolver identity;

    public AuditMetadataInterceptor(AuditIdentityResolver identity) {
        this.identity = identity;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            var actor = identity.current();
            if (actor.isPresent()) {
                return command.andMetaData(Map.of(AuditMetadata.USER, actor.get().user(),
                        AuditMetadata.ROLE, actor.get().role()));
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
