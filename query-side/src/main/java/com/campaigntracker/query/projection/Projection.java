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
 * interfaces it follows and must handle or {@linkplain #ignore ignore} each of their types: a new event type
 * fails {@code ProjectionsHandleEveryEventTest} until it is handled. Deterministic: a handler uses only the event,
 * its timestamp and the documents. It never sees batching, redelivery or the journal (see {@link Projector}).
 * A handler that throws (say {@link #require} on a field the read model cannot do without) sends the event and the
 * rest of its sequence to the dead-letter queue.
 */
public abstract class Projection {
    /** One step of a handler: the event payload, the message it came in, the batch's documents. */
    @FunctionalInterface
    public interface Step<E> {
        void run(E event, ProjectionEvent message, Batch batch);
    }

    private record Handler<E>(Step<E> needs, Step<E> apply) {
    }

    private final List<Class<?>> follows;
    /** A null handler: ignored. */
    private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

    protected Projection(Class<?>... sealedEventInterfaces) {
        this.follows = List.of(sealedEventInterfaces);
    }

    protected final <E> void on(Class<E> type, Step<E> needs, Step<E> apply) {
        handlers.put(type, new Handler<>(needs, apply));
    }

    /** Event types of the followed interfaces this read model does not change with. */
    protected final void ignore(Class<?>... types) {
        Arrays.stream(types).forEach(t -> handlers.put(t, null));
    }

    /** The collections this read model owns (cleared on reset, dumped by the rebuild test). */
    public abstract List<String> collections();

    /** Secondary indexes a real MongoDB would want (the embedded server ignores non-unique ones). */
    public void createIndexes(MongoDatabase db) {
    }

    /** Event types of the followed interfaces that have no handler: empty when the projection is complete. */
    public Set<Class<?>> unhandled() {
        Set<Class<?>> missing = new LinkedHashSet<>();
        follows.forEach(i -> Arrays.stream(i.getPermittedSubclasses()).filter(t -> !handlers.containsKey(t))
                .forEach(missing::add));
        return missing;
    }

    /** Whether events of {@code type} are handled (not ignored). */
    public boolean handles(Class<?> type) {
        return handlers.get(type) != null;
    }

    void needs(ProjectionEvent e, Batch batch) {
        Handler<Object> h = handler(e);
        if (h != null) {
            h.needs().run(e.payload(), e, batch);
        }
    }

    void apply(ProjectionEvent e, Batch batch) {
        Handler<Object> h = handler(e);
        if (h != null) {
            h.apply().run(e.payload(), e, batch);
        }
    }

    @SuppressWarnings("unchecked")
    private Handler<Object> handler(ProjectionEvent e) {
        return (Handler<Object>) handlers.get(e.payload().getClass());
    }

    /** An event without what this read model needs of it cannot be projected (it is dead-lettered). */
    protected static void require(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("读模型无法处理该事件: 字段 " + field + " 缺失或无效");
        }
    }
}
