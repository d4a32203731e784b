package com.campaigntracker.eventstore.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * Index keys: a {@link KeyValue} is written as a count and its elements (each in {@link ObjectDataType}'s
 * compact encoding: strings, numbers without Java serialization) and compared by value, element by element.
 * The stock encoding Java-serialized every key on every page write, and on every comparison.
 */
final class KeyValueType extends ObjectDataType {
    static final KeyValueType INSTANCE = new KeyValueType();

    private static final byte OTHER = 0;
    private static final byte KEY_VALUE = 1;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            int size = Math.min(ka.size(), kb.size());
            for (int i = 0; i < size; i++) {
                int c = ValueComparator.asc().compare(ka.get(i), kb.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(ka.size(), kb.size());
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue kv) {
            int size = 48;
            for (Object element : kv) {
                size += element instanceof String s ? 48 + 2 * s.length() : 32;
            }
            return size;
        }
        return super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue kv) {
            buff.put(KEY_VALUE).putVarInt(kv.size());
            for (Object element : kv) {
                super.write(buff, element);
            }
        } else {
            buff.put(OTHER);
            super.write(buff, obj);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get() == KEY_VALUE) {
            int size = DataUtils.readVarInt(buff);
            Object[] elements = new Object[size];
            for (int i = 0; i < size; i++) {
                elements[i] = super.read(buff);
            }
            return new KeyValue(elements);
        }
        return super.read(buff);
    }

    @Override
    public void write(WriteBuffer buff, Object storage, int len) {
        Object[] values = (Object[]) storage;
        for (int i = 0; i < len; i++) {
            write(buff, values[i]);
        }
    }

    @Override
    public void read(ByteBuffer buff, Object storage, int len) {
        Object[] values = (Object[]) storage;
        for (int i = 0; i < len; i++) {
            values[i] = read(buff);
        }
    }
}
