package com.campaigntracker.query.briefing;

import com.campaigntracker.query.briefing.ChineseNumbers.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseNumbersTest {

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # the seeds' examples: figure behind the phrase | style | connector | phrase
            612    | ROUGH    | 多 | 600多
            36118  | ROUGH    | 多 | 3万余
            11435  | WAN_2DP  | 多 | 1.14万
            27861  | WAN_2DP  | 多 | 2.78万
            437    | ROUGH    | 余 | 400余
            85317  | HUNDREDS | 多 | 85300多
            1000   | ROUGH    | 余 | 1000
            1046   | ROUGH    | 余 | 1000余
            80412  | ROUGH    | 多 | 8万余
            100312 | ROUGH    | 多 | 10万余
            2203456| ROUGH    | 多 | 220万余
            # boundaries
            0      | ROUGH    | 多 | 0
            99     | ROUGH    | 多 | 99
            100    | ROUGH    | 多 | 100
            101    | ROUGH    | 多 | 100多
            999    | ROUGH    | 多 | 900多
            9999   | ROUGH    | 多 | 9900多
            10000  | ROUGH    | 多 | 1万
            10001  | ROUGH    | 多 | 1万余
            99999  | ROUGH    | 多 | 9万余
            100000 | ROUGH    | 多 | 10万
            0      | HUNDREDS | 多 | 0
            99     | HUNDREDS | 多 | 99
            100    | HUNDREDS | 多 | 100
            999    | HUNDREDS | 多 | 900多
            1000   | HUNDREDS | 多 | 1000
            9999   | HUNDREDS | 多 | 9900多
            10000  | HUNDREDS | 多 | 10000
            99999  | HUNDREDS | 多 | 99900多
            0      | WAN_2DP  | 多 | 0
            99     | WAN_2DP  | 多 | 99
            999    | WAN_2DP  | 多 | 999
            9999   | WAN_2DP  | 多 | 9999
            10000  | WAN_2DP  | 多 | 1万
            30000  | WAN_2DP  | 多 | 3万
            27000  | WAN_2DP  | 多 | 2.7万
            99999  | WAN_2DP  | 多 | 9.99万
            """)
    void phrasesLikeTheSeeds(long figure, Style style, String connector, String expected) {
        assertThat(ChineseNumbers.phrase(figure, style, connector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} h → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0       | 0
            0.5     | 0.5
            12.25   | 12.2
            99.99   | 99.9
            460.5   | 460.5
            460.0   | 460
            999.96  | 999.9
            1000    | 1000
            1000.5  | 1000多
            2650.5  | 2600多
            12345.6 | 1万余
            """)
    void hoursKeepOneDecimalBelowAThousand(double hours, String expected) {
        assertThat(ChineseNumbers.hours(hours, ChineseNumbers.MORE)).isEqualTo(expected);
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> ChineseNumbers.phrase(-1, Style.ROUGH, "多"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}..{1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2020-06-01 | 2020-09-30 | 6月—9月
            2020-06-01 | 2020-06-30 | 6月
            2020-12-01 | 2021-01-31 | 2020年12月—2021年1月
            """)
    void monthsLikeTheSeeds(LocalDate from, LocalDate to, String expected) {
        assertThat(ChineseDates.months(from, to)).isEqualTo(expected);
    }

    @Test
    void daysLikeTheSeeds() {
        assertThat(ChineseDates.asOf(LocalDate.of(2020, 6, 30))).isEqualTo("截至2020年6月30日");
        assertThat(ChineseDates.day(LocalDate.of(2020, 8, 13))).isEqualTo("2020年8月13日");
    }
}
