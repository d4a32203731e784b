package com.campaigntracker.command.imports;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The preview of an import runs each row's command through the real command bus — the same field checks, the
 * same aggregate rules, the same idempotence — and then throws its result instead of returning it, so the unit
 * of work rolls back and nothing is stored. One copy of every rule, whoever asks.
 */
@Component
public class DryRun implements MessageHandlerInterceptor<CommandMessage<?>> {
    /** Command metadata: handle, then roll back. Never copied onto events (no event survives a dry run). */
    public static final String KEY = "importDryRun";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (!Boolean.TRUE.equals(unitOfWork.getMessage().getMetaData().get(KEY))) {
            return chain.proceed();
        }
        throw new Completed(chain.proceed());
    }

    /** What the command would have answered (e.g. {@code Outcome.UNCHANGED}); thrown to roll the work back. */
    public static final class Completed extends RuntimeException {
        private final transient Object result;

        Completed(Object result) {
            super("dry run", null, false, false);
            this.result = result;
        }

        public Object result() {
            return result;
        }
    }
}
