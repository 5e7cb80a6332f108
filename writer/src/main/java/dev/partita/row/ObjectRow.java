package dev.partita.row;

import dev.partita.schema.Schema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * A reusable {@link Row} over Java records or POJOs, mapping columns to components, getters ({@code getX},
 * {@code isX}, {@code x()}) or fields by name. The mapping is resolved once, when the adapter is built, into
 * method handles; wrapping a row invokes them and checks the values as {@link ObjectArrayRow#wrap} does.
 * Primitive components are boxed once per row; write a {@link Row} implementation by hand where that matters.
 *
 * @param <T> the record or bean class
 */
public final class ObjectRow<T> extends ValueRow {
  private final Class<T> type;
  private final MethodHandle[] getters;
  private final Object[] buffer;

  private ObjectRow(Class<T> type, Schema schema, MethodHandle[] getters) {
    super(schema);
    this.type = type;
    this.getters = getters;
    this.buffer = new Object[getters.length];
  }

  /**
   * Builds an adapter for {@code type}, whose public components, getters or fields must cover every column of
   * {@code schema} by exact name.
   *
   * @throws IllegalArgumentException naming the columns that have no accessor in {@code type}
   */
  public static <T> ObjectRow<T> forClass(Class<T> type, Schema schema) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schema, "schema");
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    MethodHandle[] getters = new MethodHandle[schema.size()];
    StringBuilder missing = new StringBuilder();
    for (int i = 0; i < getters.length; i++) {
      String name = schema.column(i).name();
      MethodHandle h = find(lookup, type, name);
      if (h == null) {
        missing.append(missing.length() == 0 ? "" : ", ").append(name);
      } else {
        getters[i] = h.asType(MethodType.methodType(Object.class, Object.class));
      }
    }
    if (missing.length() > 0) {
      throw new IllegalArgumentException(type.getName() + " has no public component, getter or field for column(s) "
          + missing + "; add them or map the class with a hand-written Row");
    }
    return new ObjectRow<>(type, schema, getters);
  }

  private static MethodHandle find(MethodHandles.Lookup lookup, Class<?> type, String name) {
    try {
      if (type.isRecord()) {
        for (RecordComponent rc : type.getRecordComponents()) {
          if (rc.getName().equals(name)) {
            return lookup.unreflect(rc.getAccessor());
          }
        }
      }
      String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (String m : new String[] {"get" + cap, "is" + cap, name}) {
        try {
          Method method = type.getMethod(m);
          if (method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())) {
            return lookup.unreflect(method);
          }
        } catch (NoSuchMethodException e) {
          // try the next naming convention
        }
      }
      try {
        Field f = type.getField(name);
        if (!Modifier.isStatic(f.getModifiers())) {
          return lookup.unreflectGetter(f);
        }
      } catch (NoSuchFieldException e) {
        // no field either
      }
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("cannot access member '" + name + "' of " + type.getName()
          + "; make the class and its accessors public", e);
    }
  }

  /**
   * Points this row at {@code object}'s values.
   *
   * @return this row
   * @throws InvalidRowException naming the column, row number and value type when a value does not fit
   */
  public ObjectRow<T> wrap(T object) {
    Objects.requireNonNull(object, "object");
    for (int i = 0; i < getters.length; i++) {
      try {
        buffer[i] = (Object) getters[i].invokeExact((Object) type.cast(object));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("accessor of column '" + schema.column(i).name() + "' failed", t);
      }
    }
    install(buffer);
    return this;
  }
}
