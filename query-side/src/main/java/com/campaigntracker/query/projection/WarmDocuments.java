package com.campaigntracker.query.projection;

import org.bson.Document;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The campaign documents this node wrote in its previous batches, kept so that the next batch of the same
 * campaign reads only what it has not seen (a campaign's roll-up documents are rewritten by every batch; reading
 * them back each time was most of a replay's cost).
 * <p>
 * Kept documents are current only while this node is the campaign's only writer. Before writing, a batch stamps
 * the campaign with a fresh random number in {@value #STAMPS}; the next batch uses its kept documents only if the
 * stored stamp is still its own. Another replica that projected the campaign meanwhile (or crashed half way through
 * writing it), or a reset of the read model, leaves a different stamp or none, and the batch reads everything.
 */
final class WarmDocuments {
    static final String STAMPS = "rm_writer_stamps";

    private final DocStore store;
    private final Set<String> collections;
    private final int maxDocuments;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Kept> byCampaign = new LinkedHashMap<>(16, 0.75f, true);
    private int size;

    private record Kept(long stamp, Map<String, Map<String, Document>> documents) {
        int size() {
            return documents.values().stream().mapToInt(Map::size).sum();
        }
    }

    /**
     * @param collections  the collections whose {@code _id} is the campaign id or starts with it and {@link Docs#SEP}
     * @param maxDocuments how many documents to keep in all (least recently projected campaigns go first)
     */
    WarmDocuments(DocStore store, Collection<String> collections, int maxDocuments) {
        this.store = store;
        this.collections = Set.copyOf(collections);
        this.maxDocuments = maxDocuments;
    }

    /** Hands the batch the kept documents of those campaigns whose stamp is still this node's. */
    void lend(Set<String> campaigns, BatchContext ctx) {
        List<String> known;
        synchronized (this) {
            known = campaigns.stream().filter(byCampaign::containsKey).toList();
        }
        if (known.isEmpty()) {
            return;
        }
        Map<String, Document> stamps = store.find(STAMPS, known);
        for (String c : known) {
            Kept kept;
            synchronized (this) {
                kept = byCampaign.get(c);
            }
            Document stored = stamps.get(c);
            if (kept == null || stored == null || !Objects.equals(stored.get("stamp"), kept.stamp())) {
                forget(List.of(c));
                continue;
            }
            kept.documents().forEach((collection, docs) -> docs.forEach((id, d) -> ctx.preload(collection, id, d)));
        }
    }

    /** Stamps the campaigns before the batch writes them; returns the stamps to {@link #keep} afterwards. */
    Map<String, Long> stamp(Set<String> campaigns) {
        Map<String, Long> stamps = new HashMap<>();
        List<Document> docs = new ArrayList<>();
        for (String c : campaigns) {
            long s = random.nextLong();
            stamps.put(c, s);
            docs.add(new Document("_id", c).append("stamp", s));
        }
        if (!docs.isEmpty()) {
            store.replaceAll(STAMPS, docs);
        }
        return stamps;
    }

    /** Remembers the documents the batch read or wrote, once they are all stored. */
    void keep(Map<String, Long> stamps, BatchContext ctx) {
        Map<String, Map<String, Map<String, Document>>> byC = new HashMap<>();
        for (String collection : collections) {
            ctx.requestedDocuments(collection).forEach((id, d) -> {
                String c = campaignOf(id);
                if (stamps.containsKey(c)) {
                    byC.computeIfAbsent(c, k -> new HashMap<>())
                            .computeIfAbsent(collection, k -> new HashMap<>()).put(id, d);
                }
            });
        }
        synchronized (this) {
            stamps.forEach((c, s) -> {
                Kept old = byCampaign.remove(c);
                Map<String, Map<String, Document>> docs = new HashMap<>();
                if (old != null) {
                    size -= old.size();
                    docs.putAll(old.documents());
                }
                byC.getOrDefault(c, Map.of()).forEach((collection, fresh) ->
                        docs.merge(collection, fresh, (a, b) -> {
                            Map<String, Document> m = new HashMap<>(a);
                            m.putAll(b);
                            return m;
                        }));
                Kept kept = new Kept(s, docs);
                byCampaign.put(c, kept);
                size += kept.size();
            });
            var it = byCampaign.entrySet().iterator();
            while (size > maxDocuments && it.hasNext()) {
                size -= it.next().getValue().size();
                it.remove();
            }
        }
    }

    synchronized void forget(Collection<String> campaigns) {
        for (String c : campaigns) {
            Kept old = byCampaign.remove(c);
            if (old != null) {
                size -= old.size();
            }
        }
    }

    synchronized void clear() {
        byCampaign.clear();
        size = 0;
    }

    private static String campaignOf(String id) {
        int i = id.indexOf(Docs.SEP);
        return i < 0 ? id : id.substring(0, i);
    }
}
