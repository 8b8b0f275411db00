package org.tremplin.web;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link FeatureContext} that only records the instances {@link TremplinFeature#configure}
 * registers, so that {@link TremplinFeature#components()} hands the same components to a runtime
 * that takes resources from its {@code Application} only. Registering a class, or reading the
 * configuration, is not something the feature does: it fails. Not thread-safe (used once, under the
 * feature's lock).
 */
final class ComponentRecorder implements FeatureContext {
  final List<Object> components = new ArrayList<>();

  @Override
  public Configuration getConfiguration() {
    throw new UnsupportedOperationException("TremplinFeature reads no runtime configuration");
  }

  @Override
  public FeatureContext property(String name, Object value) {
    throw new UnsupportedOperationException("TremplinFeature sets no property");
  }

  @Override
  public FeatureContext register(Class<?> componentClass) {
    throw new UnsupportedOperationException("TremplinFeature registers instances only");
  }

  @Override
  public FeatureContext register(Class<?> componentClass, int priority) {
    throw new UnsupportedOperationException("TremplinFeature registers instances only");
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
    throw new UnsupportedOperationException("TremplinFeature registers instances only");
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
    throw new UnsupportedOperationException("TremplinFeature registers instances only");
  }

  @Override
  public FeatureContext register(Object component) {
    components.add(component);
    return this;
  }

  @Override
  public FeatureContext register(Object component, int priority) {
    components.add(component);
    return this;
  }

  @Override
  public FeatureContext register(Object component, Class<?>... contracts) {
    components.add(component);
    return this;
  }

  @Override
  public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
    components.add(component);
    return this;
  }
}
