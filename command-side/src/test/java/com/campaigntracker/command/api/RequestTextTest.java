package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.InvalidField;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding 6 of issue 16: text that looks valid but is not, read by the strict command mapper. */
class RequestTextTest {
    private final ObjectMapper json = StrictRequestJsonConfiguration.strict(new ObjectMapper())
            .registerModule(RequestText.module(new Districts(List.of(Districts.DEFAULT.split(",")))));

    record Body(String name, String district, String notes, Double serviceHours) {
    }

    record Primitive(double hours) {
    }

    private Body read(String body) throws Exception {
        return json.readValue(body, Body.class);
    }

    @Test
    void namesAreNormalisedAndTrimmedNumbersLoseTheirNegativeZero() throws Exception {
        Body b = read("{\"name\":\"\\u3000 Cafe\\u0301\\u200b \",\"district\":\"海淀区\",\"notes\":\" 备注 \","
                + "\"serviceHours\":-0.0}");
        assertThat(b.name()).isEqualTo("Café");
        assertThat(b.notes()).isEqualTo(" 备注 ");
        assertThat(Double.doubleToRawLongBits(b.serviceHours())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(json.readValue("{\"hours\":-0.0}", Primitive.class).hours()))
                .isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(read("{\"district\":\"海淀区\\u200b\"}").district()).isEqualTo("海淀区");
        assertThat(read("{\"district\":\"全市\"}").district()).isEqualTo("全市");
        assertThat(read("{\"name\":\"😀 表情\"}").name()).isEqualTo("😀 表情");
    }

    @Test
    void invisibleBidiSurrogatesAndUnknownDistrictsAreRefused() {
        assertRefused("{\"name\":\"\\u200b\\u200b\"}", "name", "不可见");
        assertRefused("{\"name\":\"\\u3164\"}", "name", "不可见");
        assertRefused("{\"name\":\"invoice\\u202Egpj.exe\"}", "name", "双向文本控制字符（U+202E）");
        assertRefused("{\"notes\":\"a\\u2066b\"}", "notes", "双向");
        assertRefused("{\"name\":\"a\\ud800b\"}", "name", "代理项");
        assertRefused("{\"name\":\"a\\udc00\"}", "name", "代理项");
        assertRefused("{\"district\":\"海淀\"}", "district", "必须是以下区之一");
        assertRefused("{\"district\":\"北京市海淀区\"}", "district", "必须是以下区之一");
    }

    private void assertRefused(String body, String field, String rule) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(JsonMappingException.class)
                .cause().isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(rule);
                });
    }
}
