package org.edulake.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_date;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.edulake.contract.ColumnSpec;
import org.edulake.contract.Contracts;
import org.edulake.contract.RuleSpec;
import org.edulake.contract.SourceContract;
import org.edulake.contract.Vocabulary;
import org.edulake.privacy.PersonKeyHasher;
import org.edulake.quality.checks.PersonIdChecksum;
import org.edulake.spark.Columns;

/**
 * bronze_&lt;source&gt; → typed rows with an array of rule violations, generically from the
 * contract: trimming, typing with try_* (a bad value is a violation, not a failed job),
 * vocabularies with synonyms, ranges, named checks and the contract's cross-column rules.
 * Personal columns are still present here; {@link #dropPersonal} replaces them.
 */
public final class StagingTransform {
  public static final String PERSON_ID_VALID_UDF = "edulake_person_id_valid";
  /** Date forms accepted (SPEC §3): dd.MM.yyyy and ISO, with or without a time part. */
  private static final List<String> DATE_FORMS =
      List.of("d.M.yyyy", "yyyy-M-d", "yyyy-M-d'T'HH:mm:ss", "yyyy-M-d HH:mm:ss", "d.M.yyyy H:mm");

  private final Contracts contracts;
  private final String scheme;
  private final String secret;

  public StagingTransform(Contracts contracts, String categoriesScheme, String personKeySecret) {
    this.contracts = contracts;
    this.scheme = categoriesScheme;
    this.secret = personKeySecret;
  }

  public static void registerFunctions(SparkSession spark) {
    spark.udf().register(PERSON_ID_VALID_UDF, (UDF2<String, String, Boolean>) (digits, scheme) ->
        digits == null ? null : "kz".equals(scheme)
            ? PersonIdChecksum.validIin(digits) : PersonIdChecksum.validSnils(digits),
        DataTypes.BooleanType);
  }

  /** Spark twin of {@code HeaderMatcher.normalize}, for vocabulary lookups. */
  public static Column normalized(Column text) {
    Column kept = regexp_replace(translate(lower(text), "ё", "е"), "[^\\p{L}\\p{Nd}+\\-]", "");
    return when(kept.isin("+", "-"), kept).otherwise(regexp_replace(kept, "[+\\-]", ""));
  }

  private static Column cleaned(String column) {
    Column t = trim(regexp_replace(col(column), "[\\s\\u00a0]+", " "));
    return when(t.equalTo(lit("")), lit(null).cast("string")).otherwise(t);
  }

  /** One violation: the column, the rule id and its severity. */
  private static Column issue(Column condition, String column, RuleSpec rule) {
    return when(condition, struct(lit(column).as("column_name"), lit(rule.rule()).as("rule"),
        lit(rule.severity()).as("severity")));
  }

  private Column lookup(Vocabulary v, java.util.function.Function<Vocabulary.Entry, Object> attr,
      Column normalizedKey) {
    Map<String, String> byKey = v.lookup();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byKey.entrySet()) {
      values.put(e.getKey(), attr.apply(v.entry(e.getValue())));
    }
    List<Column> keys = new ArrayList<>();
    List<Column> vals = new ArrayList<>();
    values.forEach((k, val) -> {
      keys.add(lit(k));
      vals.add(lit(val));
    });
    return try_element_at(map_from_arrays(array(keys.toArray(Column[]::new)),
        array(vals.toArray(Column[]::new))), normalizedKey);
  }

  /**
   * Typed columns (same names), vocabulary attributes, and {@code _issues}. Built in three
   * projections — cleaned text, typed values, violations — so that each value is parsed once
   * and the generated code stays small (one huge projection falls back to slow interpretation).
   */
  public Dataset<Row> typed(Dataset<Row> bronze, SourceContract contract) {
    List<String> lineage = List.of(Columns.WINDOW, Columns.SOURCE, Columns.FILE_NAME,
        Columns.FILE_HASH, Columns.FILE_MODIFIED_AT, Columns.ROW_NUMBER, Columns.BATCH_ID);
    // 1. cleaned text, and the normalised key of vocabulary columns
    List<Column> cleanedCols = new ArrayList<>();
    for (String l : lineage) {
      cleanedCols.add(col(l));
    }
    cleanedCols.add(col(Columns.DECODE_ISSUE));
    for (ColumnSpec c : contract.columns()) {
      cleanedCols.add(cleaned(c.name()).as(c.name() + "__s"));
      if (c.vocabulary() != null || c.type().equals("boolean")) {
        cleanedCols.add(normalized(cleaned(c.name())).as(c.name() + "__k"));
      }
    }
    // 2. typed values and vocabulary attributes; 3. violations over the typed values
    List<Column> typedCols = new ArrayList<>();
    for (String l : lineage) {
      typedCols.add(col(l));
    }
    typedCols.add(col(Columns.DECODE_ISSUE));
    List<Column> issues = new ArrayList<>();
    List<Column> finalCols = new ArrayList<>();
    List<Column> attributes = new ArrayList<>();
    for (ColumnSpec c : contract.columns()) {
      String n = c.name();
      Column s = col(n + "__s");
      Column t = col(n + "__t");
      typedCols.add(s);
      Column typedValue;
      switch (c.type()) {
        case "int" -> {
          typedValue = regexp_replace(s, "[\\s\\u00a0]", "").try_cast(DataTypes.IntegerType);
          issues.add(issue(s.isNotNull().and(t.isNull()), n, rule("type_int")));
        }
        case "decimal" -> {
          typedValue = regexp_replace(regexp_replace(s, "[\\s\\u00a0%]", ""), ",", ".")
              .try_cast(DataTypes.DoubleType);
          issues.add(issue(s.isNotNull().and(t.isNull()), n, rule("type_decimal")));
        }
        case "date" -> {
          List<Column> attempts = new ArrayList<>();
          for (String form : DATE_FORMS) {
            attempts.add(to_date(try_to_timestamp(s, lit(form))));
          }
          typedValue = coalesce(attempts.toArray(Column[]::new));
          issues.add(issue(s.isNotNull().and(t.isNull()), n, rule("type_date")));
          issues.add(issue(t.gt(current_date()), n, rule("date_in_future")));
          if (c.minDate() != null) {
            issues.add(issue(t.lt(lit(java.sql.Date.valueOf(c.minDate()))), n, rule("date_too_early")));
          }
        }
        case "boolean" -> {
          Column canonical = lookup(contracts.vocabulary("boolean", scheme), Vocabulary.Entry::value,
              col(n + "__k"));
          typedValue = when(canonical.isNotNull(), canonical.equalTo(lit("true")));
          if (c.defaultValue() != null) {
            typedValue = when(s.isNull(), lit(Boolean.parseBoolean(c.defaultValue())))
                .otherwise(typedValue);
          }
          issues.add(issue(s.isNotNull().and(t.isNull()), n, rule("vocabulary")));
        }
        case "person_id" -> {
          Column digits = regexp_replace(s, "[\\s\\-]", "");
          int width = "kz".equals(scheme) ? 12 : 11;
          Column wellFormed = digits.rlike("^[0-9]{1," + width + "}$")
              .and(length(digits).geq(width - 3));
          typedValue = when(wellFormed, lpad(digits, width, "0"));
          issues.add(issue(s.isNotNull().and(t.isNull()), n, rule("person_id_format")));
          issues.add(issue(t.isNotNull().and(
              callUDF(PERSON_ID_VALID_UDF, t, lit(scheme)).equalTo(lit(false))),
              n, rule("person_id_checksum")));
        }
        case "code" -> typedValue = regexp_replace(s, "\\s", "");
        default -> typedValue = s;
      }
      if (c.required()) {
        issues.add(issue(s.isNull(), n, rule("required")));
      }
      if (c.min() != null) {
        issues.add(issue(t.lt(lit(c.min())), n, rule("range_min")));
      }
      if (c.max() != null) {
        issues.add(issue(t.gt(lit(c.max())), n, rule("range_max")));
      }
      if (c.vocabulary() != null && !c.type().equals("boolean")) {
        Vocabulary v = contracts.vocabulary(c.vocabulary(), scheme);
        Column key = col(n + "__k");
        Column canonical = lookup(v, Vocabulary.Entry::value, key);
        if (v.open()) {
          typedCols.add(canonical.isNull().as(n + "__unknown"));
          issues.add(issue(s.isNotNull().and(col(n + "__unknown")), n, rule("vocabulary_open")));
          typedValue = coalesce(canonical, lower(s));
        } else {
          issues.add(issue(s.isNotNull().and(t.isNull()), n, rule("vocabulary")));
          typedValue = canonical;
        }
        if (v.values().stream().anyMatch(e -> e.rank() != null)) {
          typedCols.add(lookup(v, Vocabulary.Entry::rank, key).cast("int").as(n + "_rank"));
          attributes.add(col(n + "_rank"));
        }
        if (v.values().stream().anyMatch(e -> e.kind() != null)) {
          typedCols.add(lookup(v, Vocabulary.Entry::kind, key).as(n + "_kind"));
          typedCols.add(lookup(v, Vocabulary.Entry::requires, key).as(n + "_requires"));
          typedCols.add(lookup(v, e -> e.shownAs() == null ? e.value() : e.shownAs(), key)
              .as(n + "_shown_as"));
          attributes.add(col(n + "_kind"));
          attributes.add(col(n + "_requires"));
          attributes.add(col(n + "_shown_as"));
        }
      }
      typedCols.add(typedValue.as(n + "__t"));
      finalCols.add(t.as(n));
    }
    // decode problems found while reading the file ("rule:column;rule:column": a cell over
    // Excel's length limit, a formula, damaged bytes, a cut last line), at their rule's severity
    List<Column> severityKeys = new ArrayList<>();
    List<Column> severityValues = new ArrayList<>();
    contracts.builtinRules().values().forEach(r -> {
      severityKeys.add(lit(r.rule()));
      severityValues.add(lit(r.severity()));
    });
    Column severities = map_from_arrays(array(severityKeys.toArray(Column[]::new)),
        array(severityValues.toArray(Column[]::new)));
    Column decodeIssues = org.apache.spark.sql.functions.transform(
        coalesce(org.apache.spark.sql.functions.split(col(Columns.DECODE_ISSUE), ";"),
            array().cast("array<string>")),
        x -> struct(org.apache.spark.sql.functions.substring_index(x, ":", -1).as("column_name"),
            org.apache.spark.sql.functions.substring_index(x, ":", 1).as("rule"),
            coalesce(try_element_at(severities, org.apache.spark.sql.functions.substring_index(x, ":", 1)),
                lit("error")).as("severity")));
    for (String l : lineage) {
      finalCols.add(col(l));
    }
    finalCols.addAll(attributes);
    // a cut row is reported once, as cut, not again for every cell that did not arrive
    Column truncated = coalesce(col(Columns.DECODE_ISSUE).startsWith("row_truncated:"), lit(false));
    finalCols.add(when(truncated, decodeIssues).otherwise(org.apache.spark.sql.functions.concat(
        filter(array(issues.toArray(Column[]::new)), x -> x.isNotNull()), decodeIssues))
        .as(Columns.ISSUES));
    Dataset<Row> typed = bronze.select(cleanedCols.toArray(Column[]::new))
        .select(typedCols.toArray(Column[]::new))
        .select(finalCols.toArray(Column[]::new));
    // cross-column rules from the contract, evaluated on typed values
    List<Column> ruleIssues = new ArrayList<>();
    for (RuleSpec r : contract.rules()) {
      ruleIssues.add(expr("case when " + r.when() + " then named_struct('column_name', '"
          + r.column() + "', 'rule', '" + r.rule() + "', 'severity', '" + r.severity() + "') end"));
    }
    if (!ruleIssues.isEmpty()) {
      typed = typed.withColumn(Columns.ISSUES, org.apache.spark.sql.functions.concat(col(Columns.ISSUES),
          filter(array(ruleIssues.toArray(Column[]::new)), x -> x.isNotNull())));
    }
    return typed;
  }

  /** Drops personal columns, replacing them by what the contract says they become. */
  public Dataset<Row> dropPersonal(Dataset<Row> typed, SourceContract contract) {
    Dataset<Row> out = typed;
    for (ColumnSpec c : contract.columns()) {
      if (!c.isPersonal()) {
        continue;
      }
      switch (c.personal()) {
        case "person_key" -> out = out.withColumn(Columns.PERSON_KEY,
            PersonKeyHasher.personKey(col(c.name()), secret));
        case "student_key" -> out = out.withColumn(Columns.STUDENT_KEY,
            PersonKeyHasher.personKey(col(c.name()), secret + "/student"));
        case "age_years" -> out = out.withColumn("age_years", ageAt(col(c.name()),
            referenceDate()));
        default -> { }
      }
      out = out.drop(c.name());
    }
    return out;
  }

  /** The reference date of the row's window folder: the last day of its month (SPEC §2). */
  public static Column referenceDate() {
    return expr("last_day(to_date(concat(" + Columns.WINDOW + ", '-01')))");
  }

  /**
   * Full years at {@code ref}, with calendar arithmetic as LocalDate.plusYears (29 Feb + 1 year
   * = 28 Feb): a person is N on the day birth + N years is reached.
   */
  public static Column ageAt(Column birth, Column ref) {
    Column years = org.apache.spark.sql.functions.year(ref)
        .minus(org.apache.spark.sql.functions.year(birth));
    Column reached = org.apache.spark.sql.functions.add_months(birth, years.multiply(12)).leq(ref);
    return when(birth.isNotNull(), when(reached, years).otherwise(years.minus(1))).cast("int");
  }

  private RuleSpec rule(String id) {
    return contracts.builtinRule(id);
  }
}
