package io.spindle.plan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Spark's semantics of the built-in functions where DuckDB, the engine tests' oracle, differs or is silent. */
class BuiltinFunctionSemanticsTest {
    private static Object call(BuiltinFunction function, Object... values) {
        Expression[] arguments = new Expression[values.length];
        for (int i = 0; i < values.length; i++) {
            arguments[i] = values[i] == null ? Literal.nullOf(function.argumentType(i)) : Literal.of(values[i]);
        }
        return ScalarEvaluator.eval(ScalarFunction.of(function, arguments), new Object[0]);
    }

    @Test
    void substringPositionsAreOneBasedWithZeroAsOneAndNegativeFromTheEnd() {
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", 1, 3)).isEqualTo("Spi");
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", 0, 3)).isEqualTo("Spi");
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", -3, 2)).isEqualTo("dl");
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", -10, 5)).isEqualTo("Sp"); // starts 3 before the string
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", 5, 100)).isEqualTo("dle");
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", 2, -1)).isEqualTo("");
        assertThat(call(BuiltinFunction.SUBSTRING, "Spindle", 8, 1)).isEqualTo("");
        assertThat(call(BuiltinFunction.SUBSTRING, "a😀b", 2, 1)).isEqualTo("😀"); // code points, not chars
        assertThat(call(BuiltinFunction.SUBSTRING, null, 1, 1)).isNull();
    }

    @Test
    void splitKeepsLeadingAndTrailingEmptyFields() {
        assertThat(StringFunctions.split(",a,,b,", ",")).containsExactly("", "a", "", "b", "");
        assertThat(StringFunctions.split("", ",")).containsExactly("");
        assertThat(StringFunctions.split("a1b22c", "[0-9]+")).containsExactly("a", "b", "c");
    }

    @Test
    void likeEscapesWithABackslash() {
        assertThat(call(BuiltinFunction.LIKE, "100%", "100\\%")).isEqualTo(true);
        assertThat(call(BuiltinFunction.LIKE, "1000", "100\\%")).isEqualTo(false);
        assertThat(call(BuiltinFunction.LIKE, "a_b", "a\\_b")).isEqualTo(true);
        assertThat(call(BuiltinFunction.LIKE, "axb", "a\\_b")).isEqualTo(false);
        assertThat(call(BuiltinFunction.LIKE, "a\\b", "a\\\\b")).isEqualTo(true);
        assertThat(call(BuiltinFunction.LIKE, "line1\nline2", "line1%")).isEqualTo(true);
        assertThat(call(BuiltinFunction.LIKE, "a.c", "a_c")).isEqualTo(true);
        assertThat(call(BuiltinFunction.LIKE, "a+c", "a+c")).isEqualTo(true); // regex characters are literal
        assertThat(call(BuiltinFunction.LIKE, null, "%")).isNull();
        assertThatThrownBy(() -> call(BuiltinFunction.LIKE, "a", "a\\"))
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE]").hasMessageContaining("ends with the escape");
        assertThatThrownBy(() -> call(BuiltinFunction.LIKE, "ab", "a\\b"))
                .hasMessageContaining("not allowed to precede 'b'");
    }

    @Test
    void trimRemovesSpacesOnly() {
        assertThat(call(BuiltinFunction.TRIM, "  a b  ")).isEqualTo("a b");
        assertThat(call(BuiltinFunction.TRIM, "\ta\t")).isEqualTo("\ta\t");
        assertThat(call(BuiltinFunction.LENGTH, "a😀")).isEqualTo(2);
    }

    @Test
    void regexpExtractGivesEmptyWithoutAMatchAndFailsOnAMissingGroup() {
        assertThat(call(BuiltinFunction.REGEXP_EXTRACT, "id-42-x", "(\\d+)-(\\w)", 1)).isEqualTo("42");
        assertThat(call(BuiltinFunction.REGEXP_EXTRACT, "id-42-x", "(\\d+)-(\\w)", 0)).isEqualTo("42-x");
        assertThat(call(BuiltinFunction.REGEXP_EXTRACT, "none", "(\\d+)", 1)).isEqualTo("");
        assertThat(call(BuiltinFunction.REGEXP_EXTRACT, "ab", "a(x)?b", 1)).isEqualTo("");
        assertThatThrownBy(() -> call(BuiltinFunction.REGEXP_EXTRACT, "a", "(a)", 2))
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE]");
    }

    @Test
    void concatIsNullWhenAnyArgumentIs() {
        assertThat(call(BuiltinFunction.CONCAT, "a", "b", "c")).isEqualTo("abc");
        assertThat(call(BuiltinFunction.CONCAT, "a", null)).isNull();
    }

    @Test
    void toDateIsStrictAndInvalidDatesAreErrors() {
        assertThat(call(BuiltinFunction.TO_DATE, "31/01/2024", "dd/MM/yyyy")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(call(BuiltinFunction.TO_DATE, "Jan 5 2024", "MMM d yyyy")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThatThrownBy(() -> call(BuiltinFunction.TO_DATE, "30/02/2024", "dd/MM/yyyy"))
                .hasMessageStartingWith("[CANNOT_PARSE_TIMESTAMP]");
        assertThatThrownBy(() -> call(BuiltinFunction.TO_DATE, "2024-01-31", "dd/MM/yyyy"))
                .hasMessageStartingWith("[CANNOT_PARSE_TIMESTAMP]");
        assertThatThrownBy(() -> ScalarEvaluator.eval(ScalarFunction.of(BuiltinFunction.TO_DATE, Literal.of("2024-13-01")),
                new Object[0])).hasMessageStartingWith("[CAST_INVALID_INPUT]");
    }

    @Test
    void dateArithmeticAndFields() {
        LocalDate leap = LocalDate.of(2024, 2, 28);
        assertThat(call(BuiltinFunction.DATE_ADD, leap, 1)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(call(BuiltinFunction.DATE_SUB, leap, -2)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(call(BuiltinFunction.DATEDIFF, LocalDate.of(2024, 3, 1), leap)).isEqualTo(2);
        assertThat(call(BuiltinFunction.DATEDIFF, leap, LocalDate.of(2024, 3, 1))).isEqualTo(-2);
        assertThat(call(BuiltinFunction.YEAR, leap)).isEqualTo(2024);
        assertThat(call(BuiltinFunction.MONTH, leap)).isEqualTo(2);
        assertThat(call(BuiltinFunction.DAYOFMONTH, leap)).isEqualTo(28);
        assertThat(call(BuiltinFunction.DATE_FORMAT, Instant.parse("2024-02-05T13:04:05Z"), "EEEE, MMMM d yyyy HH:mm"))
                .isEqualTo("Monday, February 5 2024 13:04");
    }

    @Test
    void currentDateIsFoldable() {
        Expression today = ScalarFunction.of(BuiltinFunction.CURRENT_DATE);
        assertThat(today.foldable()).isTrue();
        assertThat(today.dataType()).isEqualTo(DataType.DATE);
    }
}
