package com.campaigntracker.query.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Validation of query parameters, with Chinese messages that name the parameter and the rule. */
public final class Params {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private Params() {
    }

    public static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiException.badRequest("参数 " + name + " 无效: 须为 1–64 位字母、数字、下划线或连字符");
        }
        return value;
    }

    public static String optionalId(String name, String value) {
        return value == null || value.isBlank() ? null : id(name, value);
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("参数 " + name + " 不是有效日期: " + value + " (格式 YYYY-MM-DD)");
        }
    }

    public static int range(String name, Integer value, int dflt, int min, int max) {
        int v = value == null ? dflt : value;
        if (v < min || v > max) {
            throw ApiException.badRequest("参数 " + name + " 超出范围: 须在 " + min + " 到 " + max + " 之间");
        }
        return v;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
