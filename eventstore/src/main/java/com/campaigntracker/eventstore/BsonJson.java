package com.campaigntracker.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts a Jackson tree to the BSON value the driver stores (object → sub-document, array → array, numbers keep
 * their width) and back, so payloads and metadata are stored as readable, queryable BSON and read back into the same
 * JSON tree Axon's Jackson serializer and upcasters work on.
 */
final class BsonJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private BsonJson() {
    }

    static Object toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                Document document = new Document();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    document.put(field.getKey(), toBson(field.getValue()));
                }
                return document;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toBson(element));
                }
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case BINARY:
                try {
                    return new Binary(node.binaryValue());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            case NUMBER:
                if (node.isInt() || node.isShort()) {
                    return node.intValue();
                }
                if (node.isLong()) {
                    return node.longValue();
                }
                if (node.isBigInteger()) {
                    BigInteger value = node.bigIntegerValue();
                    return value.bitLength() < 64 ? (Object) value.longValue() : new Decimal128(new BigDecimal(value));
                }
                if (node.isBigDecimal()) {
                    return new Decimal128(node.decimalValue());
                }
                return node.doubleValue();
            default:
                return node.asText();
        }
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                array.add(toJson(element));
            }
            return array;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Decimal128 d) {
            return NODES.numberNode(d.bigDecimalValue());
        }
        if (value instanceof Binary b) {
            return NODES.binaryNode(b.getData());
        }
        if (value instanceof Date d) {
            return NODES.numberNode(d.getTime());
        }
        if (value instanceof ObjectId id) {
            return NODES.textNode(id.toHexString());
        }
        return NODES.textNode(value.toString());
    }
}
