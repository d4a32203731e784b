package com.campaigntracker.query.projection;

import com.mongodb.client.MongoDatabase;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read model's projection: per event type, which documents it needs ({@code needs}, so the batch loads them
 * with one $in per collection) and how it changes them ({@code apply}). A projection names the sealed event
 * interfaces it follows and must handle each of their types: a new event type fails
 * {@code ProjectionsHandleEveryEventTest} until it is handled. Deterministic: a handler uses only the event, its
 * timestamp and the documents. It never sees batching, redelivery or the journal (see {@link Projector}). A handler
 * that throws (say {@link #require} on a field the read model cannot do without) dead-letters the event.
 */
public abstract class Projection {
    /** One step of a handler: the event payload, the message it came in, the batch's documents. */
    @FunctionalInterface
    public interface Step<E> {
        void run(E event, ProjectionEvent message, Batch batch);
    }

    private final List<Class<?>> follows;
    /** Per event type: its needs and apply steps. */
    private final Map<Class<?>, List<Step<Object>>> handlers = new HashMap<>();

    protected Projection(Class<?>... sealedEventInterfaces) {
        this.follows = List.of(sealedEventInterfaces);
    }

    @SuppressWarnings("unchecked")
    protected final <E> void on(Class<E> type, Step<E> needs, Step<E> apply) {
        handlers.put(type, List.of((Step<Object>) needs, (Step<Object>) apply));
    }

    /** The collections this read model owns (cleared on reset, dumped by the rebuild test). */
    public abstract List<String> collections();

    /** Secondary indexes a real MongoDB would want (the embedded server ignores non-unique ones). */
    public void createIndexes(MongoDatabase db) {
    }

    /** Event types of the followed interfaces that have no handler: empty when the projection is complete. */
    public Set<Class<?>> unhandled() {
        Set<Class<?>> missing = new LinkedHashSet<>();
        follows.forEach(i -> Arrays.stream(i.getPermittedSubclasses()).filter(t -> !handles(t)).forEach(missing::add));
        return missing;
    }

    public boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    void run(ProjectionEvent e, Batch batch, boolean needs) {
        List<Step<Object>> steps = handlers.get(e.payload().getClass());
        if (steps != null) {
            steps.get(needs ? 0 : 1).run(e.payload(), e, batch);
        }
    }

    /** An event without what this read model needs of it cannot be projected (it is dead-lettered). */
    protected static void require(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("读模型无法处理该事件: 字段 " + field + " 缺失或无效");
        }
    }
}
