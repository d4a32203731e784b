package com.campaigntracker.command.imports;

import com.campaigntracker.command.rules.RuleViolation;

/** No import with this id for this account (HTTP 404). */
public class ImportNotFound extends RuleViolation {
    public ImportNotFound(String importId) {
        super(Kind.NOT_FOUND, "import-not-found", "导入不存在", "编号为 " + importId + " 的导入不存在,或不是当前账号上传的",
                "importId", importId);
    }
}
