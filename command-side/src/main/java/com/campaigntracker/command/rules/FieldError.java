package com.campaigntracker.command.rules;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One broken field of a refused request, as a problem's {@code errors} lists them: every broken field at once, so a
 * form can mark each next to its input.
 *
 * @param field   the field as the request names it ({@code endDate}, {@code targets.sessions})
 * @param label   its Chinese label (结束日期, 目标场次)
 * @param message the Chinese message about this field alone
 */
@Schema(name = "FieldError")
public record FieldError(String field, String label, String message) {
}
