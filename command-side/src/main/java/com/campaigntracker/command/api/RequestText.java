package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.InvalidField;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Set;

/**
 * Text and numbers of command requests as the service keeps them, applied while the body is read: unpaired
 * surrogates are refused, every string is NFC-normalised, bidirectional-text controls (which make a name read
 * differently from what it is) are refused, names are stripped of surrounding blanks and invisible characters and
 * may not consist of nothing else, {@code district} must be one of {@link Districts}, and {@code -0.0} becomes 0.
 * Look-alike letters from other scripts are not detected.
 */
public final class RequestText {
    /** Single-line display texts: trimmed, and never only invisible characters. */
    static final Set<String> NAMES = Set.of("name", "title", "theme", "site", "category", "district", "reason",
            "place");

    private RequestText() {
    }

    static SimpleModule module(Districts districts) {
        SimpleModule module = new SimpleModule("request-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String raw = super.deserialize(p, ctxt);
                String field = p.getParsingContext().getCurrentName();
                return raw == null ? null : clean(field == null ? "value" : field, raw, districts);
            }
        });
        module.addDeserializer(Double.class, withoutNegativeZero(Double.class, null));
        module.addDeserializer(Double.TYPE, withoutNegativeZero(Double.TYPE, 0.0));
        return module;
    }

    private static NumberDeserializers.DoubleDeserializer withoutNegativeZero(Class<Double> type, Double empty) {
        return new NumberDeserializers.DoubleDeserializer(type, empty) {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                Double v = super.deserialize(p, ctxt);
                return v != null && v == 0.0 ? Double.valueOf(0.0) : v; // -0.0 == 0.0 holds
            }
        };
    }

    static String clean(String field, String raw, Districts districts) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidField(field, null, "含有不成对的代理项（U+" + Integer.toHexString(c).toUpperCase()
                        + "），不是合法的 Unicode 文本");
            }
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int bidi = s.codePoints().filter(RequestText::isBidiControl).findFirst().orElse(-1);
        if (bidi >= 0) {
            throw new InvalidField(field, null, "不能包含双向文本控制字符（U+"
                    + Integer.toHexString(bidi).toUpperCase() + "）");
        }
        if (NAMES.contains(field)) {
            s = stripInvisible(s);
            if (s.isEmpty() && !raw.isEmpty()) {
                throw new InvalidField(field, null, "不能只包含空白或不可见字符");
            }
        }
        if ("district".equals(field)) {
            districts.check(field, s);
        }
        return s;
    }

    private static String stripInvisible(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isInvisible(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isInvisible(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Renders as nothing: blanks, format characters (zero-width space, joiners, BOM) and the filler letters. */
    static boolean isInvisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F
                || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
