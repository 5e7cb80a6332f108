package dev.partita.catalog.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a crawler runs: a cron expression, parsed and evaluated by the cron-utils library. Two forms:
 *
 * <ul>
 *   <li>AWS's, as Glue and EventBridge write it: {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)},
 *       for example {@code cron(0 12 * * ? *)} (every day at 12:00 UTC) or {@code cron(15 10 ? * MON-FRI *)};
 *       one of the two day fields must be {@code ?}; days of the week count 1 = Sunday to 7 = Saturday; {@code L},
 *       {@code W} and {@code #} are supported; times are UTC unless another zone is given;
 *   <li>Unix's five fields, {@code 0 12 * * *} (minute, hour, day of month, month, day of week with 0 = Sunday).
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class CronSchedule {
  /** AWS's six-field cron, without seconds, as Glue documents it. */
  private static final CronDefinition AWS = CronDefinitionBuilder.defineCron()
      .withMinutes().withValidRange(0, 59).and()
      .withHours().withValidRange(0, 23).and()
      .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark().and()
      .withMonth().withValidRange(1, 12).and()
      .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL()
          .supportsQuestionMark().and()
      .withYear().withValidRange(1970, 2199).and()
      .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
      .instance();
  private static final CronParser AWS_PARSER = new CronParser(AWS);
  private static final CronParser UNIX_PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(
      CronType.UNIX));

  private final String expression;
  private final Cron cron;
  private final ZoneId zone;
  private final ExecutionTime execution;

  private CronSchedule(String expression, Cron cron, ZoneId zone) {
    this.expression = expression;
    this.cron = cron;
    this.zone = zone;
    this.execution = ExecutionTime.forCron(cron);
  }

  /**
   * Parses {@code cron(...)} (AWS) or a five-field Unix expression, evaluated in UTC.
   *
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  public static CronSchedule parse(String expression) {
    return parse(expression, ZoneOffset.UTC);
  }

  /** Parses an expression evaluated in {@code zone}. */
  public static CronSchedule parse(String expression, ZoneId zone) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
    String text = expression.strip();
    boolean aws = text.regionMatches(true, 0, "cron(", 0, 5) && text.endsWith(")");
    String body = aws ? text.substring(5, text.length() - 1).strip() : text;
    int fields = body.isEmpty() ? 0 : body.split("\\s+").length;
    if (aws && fields != 6) {
      throw new IllegalArgumentException("schedule '" + expression + "' has " + fields + " fields; AWS cron needs 6:"
          + " cron(minutes hours day-of-month month day-of-week year), for example cron(0 12 * * ? *)");
    }
    if (!aws && fields != 5) {
      throw new IllegalArgumentException("schedule '" + expression + "' has " + fields + " fields; write cron(...)"
          + " with 6 fields (AWS) or 5 Unix fields (minute hour day-of-month month day-of-week)");
    }
    try {
      Cron cron = (aws ? AWS_PARSER : UNIX_PARSER).parse(body.toUpperCase(Locale.ROOT));
      cron.validate();
      return new CronSchedule(text, cron, zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid schedule '" + expression + "': " + e.getMessage()
          + (aws ? " (in AWS cron one of day-of-month and day-of-week must be ?)" : ""), e);
    }
  }

  /** The expression as given (trimmed). */
  public String expression() {
    return expression;
  }

  /** The zone the schedule is evaluated in. */
  public ZoneId zone() {
    return zone;
  }

  /** The first run strictly after {@code after}; empty when the schedule has ended (a past year). */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    return execution.nextExecution(after.withZoneSameInstant(zone));
  }

  /** The next {@code count} runs strictly after {@code after}, fewer if the schedule ends. */
  public List<ZonedDateTime> nextRuns(ZonedDateTime after, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    List<ZonedDateTime> out = new ArrayList<>(count);
    ZonedDateTime t = after;
    while (out.size() < count) {
      Optional<ZonedDateTime> n = next(t);
      if (n.isEmpty()) {
        break;
      }
      out.add(n.get());
      t = n.get();
    }
    return out;
  }

  /** An English description, for example {@code at 12:00}. */
  public String describe() {
    return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
