package com.campaigntracker.command.rules;

import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The field rules on the command records, and how a broken one reads: Chinese label, rule, value. */
class CommandValidationTest {
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private final CommandValidation validation = new CommandValidation();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private InvalidField refusal(Object command) {
        try {
            validation.validateMessage(command, validator);
        } catch (InvalidField e) {
            return e;
        }
        throw new AssertionError("accepted: " + command);
    }

    private static LaunchCampaign launch(String title, Targets targets) {
        return new LaunchCampaign("c1", title, null, null, null, null, START, START.plusDays(30), targets);
    }

    private static RecordActivity record(Figures figures) {
        return new RecordActivity("c1", "a1", "u1", START, "消杀任务", null, null, figures, null);
    }

    @Test
    void aMissingFieldIsNamedByItsLabel() {
        InvalidField refused = refusal(new RegisterUnit("u1", " ", UnitType.PRACTICE_CENTER, "海淀区", null));
        assertThat(refused.field()).isEqualTo("name");
        assertThat(refused.getMessage()).isEqualTo("名称不能为空");
        assertThat(refusal(new RegisterUnit("u1", "n", null, "海淀区", null)).getMessage()).isEqualTo("单位类型不能为空");
    }

    @Test
    void textsCountCodePointsAndRefuseControlCharacters() {
        validation.validateMessage(launch("😀".repeat(200), null), validator);
        InvalidField tooLong = refusal(launch("😀".repeat(201), null));
        assertThat(tooLong.getMessage()).isEqualTo("标题不能超过 200 个字符(收到: 201 个字符)");
        assertThat(refusal(launch("a\u0007b", null)).getMessage()).isEqualTo("标题不能包含控制字符");
    }

    @Test
    void figuresAreNamedAsTheRequestCarriesThemAndNestedTargetsByTheirPath() {
        InvalidField figure = refusal(record(new Figures(1, -1, 0, 0)));
        assertThat(figure.field()).isEqualTo("participations");
        assertThat(figure.getMessage()).isEqualTo("志愿者人次必须在 0 到 100000 之间(收到: -1)");
        assertThat(refusal(record(new Figures(1, 0, 0.3, 0))).getMessage())
                .isEqualTo("服务时长必须以 0.5 小时为单位(收到: 0.3)");
        InvalidField target = refusal(launch("t", new Targets(-1L, null, null, null, null)));
        assertThat(target.field()).isEqualTo("targets.sessions");
        assertThat(target.getMessage()).isEqualTo("目标场次必须在 0 到 1000000000 之间(收到: -1)");
        assertThat(refusal(record(null)).getMessage()).isEqualTo("活动数据不能为空");
    }

    @Test
    void idsDatesAndCollectionsHaveTheirRules() {
        InvalidField id = refusal(new RegisterUnit("a.b$", "n", UnitType.PRACTICE_CENTER, "海淀区", null));
        assertThat(id.getMessage()).isEqualTo("单位编号只能由字母、数字、_ 和 - 组成,长度 1 到 64(收到: a.b$)");
        InvalidField date = refusal(new LaunchCampaign("c1", "t", null, null, null, null, LocalDate.of(1999, 1, 1),
                START, null));
        assertThat(date.getMessage()).isEqualTo("开始日期必须在 2000-01-01 到 2099-12-31 之间(收到: 1999-01-01)");
        InvalidField types = refusal(new LaunchCampaign("c1", "t", null, null, null,
                new HashSet<>(Arrays.asList(UnitType.PRACTICE_STATION, null)), START, START, null));
        assertThat(types.field()).isEqualTo("eligibleUnitTypes");
        assertThat(types.getMessage()).isEqualTo("可报到单位类型不能包含空值");
    }

    @Test
    void ofSeveralBrokenFieldsEveryOneIsReportedTheFirstInTheRecordFirst() {
        assertThatThrownBy(() -> validation.validateMessage(
                new RegisterUnit("a.b$", "", null, "", null), validator))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("unitId");
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("unitId", "name", "type", "district");
                    assertThat(e.errors()).extracting(FieldError::label)
                            .containsExactly("单位编号", "名称", "单位类型", "所属区");
                    assertThat(e.errors().get(2).message()).isEqualTo("单位类型不能为空");
                    assertThat(e.getMessage()).isEqualTo(e.errors().stream().map(FieldError::message)
                            .collect(java.util.stream.Collectors.joining(";")));
                });
    }

    @Test
    void aSingleBrokenFieldIsItsOwnOnlyError() {
        InvalidField refused = refusal(new RegisterUnit("u1", " ", UnitType.PRACTICE_CENTER, "海淀区", null));
        assertThat(refused.errors()).containsExactly(new FieldError("name", "名称", "名称不能为空"));
    }

    /** Every field of every command (and of the records they nest) has a Chinese label: no English in a detail. */
    @Test
    void everyCommandFieldHasAChineseLabel() {
        java.util.List<String> unlabelled = new java.util.ArrayList<>();
        for (Class<?> holder : java.util.List.of(com.campaigntracker.shared.unit.UnitCommands.class,
                com.campaigntracker.shared.campaign.CampaignCommands.class,
                com.campaigntracker.shared.activity.ActivityCommands.class,
                com.campaigntracker.shared.briefing.BriefingCommands.class)) {
            for (Class<?> command : holder.getDeclaredClasses()) {
                if (command.isRecord()) {
                    collectUnlabelled(command, "", unlabelled, new HashSet<>());
                }
            }
        }
        assertThat(unlabelled).isEmpty();
    }

    private static void collectUnlabelled(Class<?> record, String prefix, java.util.List<String> out,
                                          java.util.Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            if (FieldLabels.of(path).matches("(?s).*[A-Za-z].*")) {
                out.add(record.getSimpleName() + "." + path + " → " + FieldLabels.of(path));
            }
            Class<?> type = c.getType();
            if (java.util.Collection.class.isAssignableFrom(type)
                    && c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                type = element;
            }
            if (type.isRecord() && type.getPackageName().startsWith("com.campaigntracker")) {
                collectUnlabelled(type, path + ".", out, seen);
            }
        }
    }

    @Test
    void aValidCommandPasses() {
        assertThat(validation.validateMessage(record(new Figures(3, 12, 7.5, 40)), validator)).isEmpty();
    }
}
