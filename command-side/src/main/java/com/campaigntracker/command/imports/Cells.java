package com.campaigntracker.command.imports;

import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell's text as the value a command field takes. Dates as 2020-06-15, 2020/6/15, 2020年6月15日 or an Excel
 * serial number; figures as plain numbers — "12人" or "3.5小时" are refused with a message, not guessed at.
 */
final class Cells {
    private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*(?:-|/|\\.|月)\\s*"
            + "(\\d{1,2})\\s*日?$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");
    /** Excel serials of 2000-01-01 … 2099-12-31 and a little around them. */
    private static final double SERIAL_MIN = 1;
    private static final double SERIAL_MAX = 2_958_465;

    private Cells() {
    }

    /** A value the row cannot take; {@code message} names the rule in Chinese. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads a cell's text (null when empty) as a value. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws Unreadable;
    }

    static String text(SheetReader.Value v) {
        return v == null || v.text() == null || v.text().isBlank() ? null : v.text().strip();
    }

    static LocalDate date(String text) throws Unreadable {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (NUMBER.matcher(text).matches()) {
                double serial = Double.parseDouble(text);
                if (serial >= SERIAL_MIN && serial <= SERIAL_MAX && serial == Math.rint(serial)) {
                    return DateUtil.getLocalDateTime(serial).toLocalDate();
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new Unreadable("不是有效日期(收到: " + text + ")");
        }
        throw new Unreadable("无法识别为日期(收到: " + text + "),可写 2020-06-15、2020/6/15 或 2020年6月15日");
    }

    static Integer whole(String text) throws Unreadable {
        BigDecimal n = number(text);
        if (n == null) {
            return null;
        }
        if (n.stripTrailingZeros().scale() > 0) {
            throw new Unreadable("须为整数(收到: " + text + ")");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new Unreadable("数值过大(收到: " + text + ")");
        }
    }

    static Double decimal(String text) throws Unreadable {
        BigDecimal n = number(text);
        return n == null ? null : n.doubleValue();
    }

    private static BigDecimal number(String text) throws Unreadable {
        if (text == null) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new Unreadable("须为数字,只填写数值、不带单位或文字(收到: " + text + ")");
        }
        return new BigDecimal(text);
    }
}
