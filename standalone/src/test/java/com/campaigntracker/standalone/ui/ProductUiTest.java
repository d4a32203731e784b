package com.campaigntracker.standalone.ui;

import com.campaigntracker.standalone.ProductProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

/** A browser test class against one packaged product process, started by the class and stopped after it. */
abstract class ProductUiTest {
    static ProductProcess product;
    static Api api;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static void start(String... args) {
        start(ProductProcess.tempDataDir(), args);
    }

    static void start(Path dataDir, String... args) {
        product = ProductProcess.start(dataDir, ProductProcess.freePort(), ProductProcess.freePort(), args);
        api = new Api(product.baseUrl());
    }

    @AfterAll
    static void stopProduct() throws Exception {
        if (product != null) {
            product.close();
            product = null;
        }
    }
}
