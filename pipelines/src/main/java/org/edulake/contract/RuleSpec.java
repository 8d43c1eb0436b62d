package org.edulake.contract;

import java.io.Serializable;

/** A cross-column rule of a contract: a SQL condition over typed columns that flags a row. */
public record RuleSpec(
    String rule, String severity, String column, String when, String messageRu, String fixRu)
    implements Serializable {}
