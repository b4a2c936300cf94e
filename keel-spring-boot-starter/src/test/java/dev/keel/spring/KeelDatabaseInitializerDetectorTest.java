package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class KeelDatabaseInitializerDetectorTest {

    @Test
    void theStartUpMigrationIsADatabaseInitializer() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition(
                "keelMigrationInitializer", new RootBeanDefinition(KeelMigrationInitializer.class));
        beans.registerBeanDefinition("somethingElse", new RootBeanDefinition(String.class));
        assertThat(new KeelDatabaseInitializerDetector().detect(beans)).containsExactly("keelMigrationInitializer");
    }
}
