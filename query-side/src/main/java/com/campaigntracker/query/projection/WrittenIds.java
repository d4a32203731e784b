package com.campaigntracker.query.projection;

import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.commons.collections4.bloomfilter.EnhancedDoubleHasher;
import org.apache.commons.collections4.bloomfilter.Hasher;
import org.apache.commons.collections4.bloomfilter.Shape;
import org.apache.commons.collections4.bloomfilter.SimpleBloomFilter;

import java.nio.charset.StandardCharsets;

/**
 * The documents a held replay has written since the read-model collections were emptied, as a Bloom filter (4.8 MB
 * for 4,000,000 ids at 1 % false positives; beyond that only more lookups are made, never wrong ones). A document it
 * never wrote is then not stored, and looking it up (every new ledger row and stream position) is skipped. Until
 * {@link #fromEmpty} every document may be stored.
 */
final class WrittenIds {
    private final Shape shape = Shape.fromNP(4_000_000, 0.01);
    private final SimpleBloomFilter filter = new SimpleBloomFilter(shape);
    private boolean fromEmpty;

    /** The collections were just emptied: from now on only what {@link #add} noted is stored. */
    void fromEmpty() {
        filter.clear();
        fromEmpty = true;
    }

    void add(String collection, String id) {
        filter.merge(hasher(collection, id));
    }

    /** False when the document surely is not stored. */
    boolean mayHold(String collection, String id) {
        return !fromEmpty || filter.contains(hasher(collection, id).indices(shape));
    }

    private static Hasher hasher(String collection, String id) {
        long[] h = MurmurHash3.hash128x64((collection + '\0' + id).getBytes(StandardCharsets.UTF_8));
        return new EnhancedDoubleHasher(h[0], h[1]);
    }
}
