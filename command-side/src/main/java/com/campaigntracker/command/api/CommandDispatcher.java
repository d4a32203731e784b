package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends commands for the REST controllers and waits for them. An optimistic-concurrency clash (another process
 * appended to the same stream first) is retried: every handler re-checks its rules on the fresh state, and
 * repeats are no-ops, so a retry never double-counts.
 */
@Component
public class CommandDispatcher {
    static final int ATTEMPTS = 3;

    private final CommandGateway gateway;

    public CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * @param notFound the rule violation to report when the target aggregate does not exist
     */
    public <R> R send(Object command, Supplier<? extends RuleViolation> notFound) {
        return send(command, Map.of(), notFound);
    }

    public <R> R send(Object command, Map<String, ?> metaData, Supplier<? extends RuleViolation> notFound) {
        EventPosition.clear();
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (AggregateNotFoundException e) {
                throw notFound.get();
            } catch (IncompatibleAggregateException e) {
                // units and campaigns share one stream id space: the id names an aggregate of another kind
                // (Axon's Spring configuration ignores @Aggregate(filterEventsByType))
                throw notFound.get();
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConcurrentModification();
                }
            }
        }
    }
}
