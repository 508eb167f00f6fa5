/*
 * parse_errors.c — syntax errors: the ERROR and MISSING nodes of the
 * concrete tree (one report per error region, with a specific message
 * where a heuristic finds one: unmatched brackets, bad assignment
 * targets, missing commas), indentation tree-sitter lets through, and
 * NUL bytes / invalid UTF-8 in the source.
 *
 * Entry points (parse_internal.h): report_syntax_errors,
 * check_block_layout, check_source_bytes.
 */
#include "parse_internal.h"

#include <ctype.h>
#include <string.h>

/* A short printable rendering of a token for `unexpected '...'`. */
static const char *token_repr(Parser *p, TSNode n)
{
    size_t len;
    const char *t = node_text(p, n, &len);
    char buf[128];
    size_t o = 0;
    for (size_t i = 0; i < len && o + 5 < sizeof buf; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "\\x%02x", c);
        else
            buf[o++] = (char)c;
    }
    buf[o] = '\0';
    return arena_strdup(p->a, buf);
}

static bool is_small_error(Parser *p, TSNode n)
{
    uint32_t kids = ts_node_child_count(n);
    if (kids > 1)
        return false;
    if (kids == 1 && ts_node_child_count(ts_node_child(n, 0)) > 0)
        return false;
    size_t len;
    const char *t = node_text(p, n, &len);
    return len > 0 && len <= 24 && !memchr(t, '\n', len);
}

static const char *closer_of(char open)
{
    return open == '(' ? ")" : open == '[' ? "]" : "}";
}

/* Brackets among the ERROR's own tokens (complete children are balanced
 * already): an unmatched closer, or an opener never closed. */
static bool report_brackets(Parser *p, TSNode n)
{
    TSNode stack[64];
    int top = 0;
    TSNode k;
    bool reported = false;
    KidIter it = kids_begin(n);
    while (!reported && kids_next(&it, &k, NULL)) {
        if (ts_node_is_named(k))
            continue;
        const char *t = ts_node_type(k);
        if ((t[0] == '(' || t[0] == '[' || t[0] == '{') && t[1] == '\0') {
            if (top < 64)
                stack[top++] = k;
        } else if ((t[0] == ')' || t[0] == ']' || t[0] == '}') && t[1] == '\0') {
            if (top == 0) {
                /* past the ERROR's first line the first problem is
                 * usually earlier: leave it to the generic report */
                if (ts_node_start_point(k).row != ts_node_start_point(n).row)
                    break;
                perr(p, k, "unmatched '%s'", t);
                reported = true;
            } else {
                char open = ts_node_type(stack[--top])[0];
                if (strcmp(closer_of(open), t) != 0) {
                    perr(p, k, "closing parenthesis '%s' does not match "
                               "opening parenthesis '%c'", t, open);
                    reported = true;
                }
            }
        }
    }
    kids_end(&it);
    if (!reported && top > 0) {
        perr(p, stack[top - 1], "'%s' was never closed",
             ts_node_type(stack[top - 1]));
        reported = true;
    }
    return reported;
}

static bool is_target_type(TSNode n)
{
    static const char *const ok[] = {
        "identifier", "attribute", "subscript", "pattern_list", "tuple_pattern",
        "list_pattern", "list_splat_pattern", "expression_list", "tuple", "list",
        "parenthesized_expression", "ERROR",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (node_is(n, ok[i]))
            return true;
    return false;
}

static const char *cst_desc(TSNode n)
{
    static const struct { const char *type, *desc; } d[] = {
        { "call", "function call" }, { "integer", "literal" },
        { "float", "literal" }, { "string", "literal" },
        { "concatenated_string", "literal" }, { "true", "True" },
        { "false", "False" }, { "none", "None" }, { "ellipsis", "ellipsis" },
        { "comparison_operator", "comparison" }, { "lambda", "lambda" },
        { "conditional_expression", "conditional expression" },
        { "dictionary", "dict literal" }, { "set", "set display" },
        { "await", "await expression" }, { "yield", "yield expression" },
        { "named_expression", "named expression" },
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
        if (node_is(n, d[i].type))
            return d[i].desc;
    return "expression";
}

/* `f() = 1` or `for 1 in x:` land in an ERROR: name the bad target. */
static bool report_bad_target(Parser *p, TSNode n)
{
    TSNode k, prev = { 0 }, bad = { 0 };
    bool after_for = false;
    KidIter it = kids_begin(n);
    while (ts_node_is_null(bad) && kids_next(&it, &k, NULL)) {
        const char *t = ts_node_type(k);
        if (!ts_node_is_named(k) && strcmp(t, "=") == 0 &&
            !ts_node_is_null(prev) && !is_target_type(prev))
            bad = prev;
        else if (after_for && ts_node_is_named(k) && !is_target_type(k))
            bad = k;
        after_for = !ts_node_is_named(k) && strcmp(t, "for") == 0;
        prev = ts_node_is_named(k) ? k : (TSNode){ 0 };
    }
    kids_end(&it);
    if (ts_node_is_null(bad))
        return false;
    perr(p, bad, "cannot assign to %s", cst_desc(bad));
    return true;
}

static bool in_sequence(TSNode n)
{
    TSNode parent = ts_node_parent(n);
    static const char *const seqs[] = {
        "argument_list", "list", "tuple", "set", "dictionary", "subscript",
        "parameters", "expression_list",
    };
    for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
        if (node_is(parent, seqs[i]))
            return true;
    return false;
}

/* `if x` / `def f()` without the colon: the ERROR starts with a compound
 * statement keyword and holds no ':'.  Reported after the last token of
 * the keyword's line. */
static bool report_missing_colon(Parser *p, TSNode n)
{
    static const char *const kws[] = {
        "if", "elif", "else", "while", "for", "def", "class", "with", "try",
        "except", "finally", "async",
    };
    TSNode first = ts_node_child(n, 0);
    if (ts_node_is_null(first) || ts_node_is_named(first))
        return false;
    bool kw = false;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        kw |= strcmp(ts_node_type(first), kws[i]) == 0;
    if (!kw)
        return false;
    uint32_t row = ts_node_start_point(first).row;
    TSNode k, last = first;
    bool colon = false;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        colon |= !ts_node_is_named(k) && strcmp(ts_node_type(k), ":") == 0;
        if (ts_node_end_point(k).row == row)
            last = k;
    }
    kids_end(&it);
    if (colon)
        return false;
    TSPoint e = ts_node_end_point(last);
    Span sp = { e.row + 1, e.column, e.row + 1, e.column };
    perr_span(p, sp, "expected ':'");
    return true;
}

static bool is_clean_statement(TSNode k)
{
    const char *t = ts_node_type(k);
    size_t len = strlen(t);
    bool stmt = (len > 10 && strcmp(t + len - 10, "_statement") == 0) ||
                (len > 11 && strcmp(t + len - 11, "_definition") == 0);
    return stmt && !ts_node_has_error(k);
}

/* A large ERROR often wraps many good statements; point at the first
 * child that is not one, descending while that child is itself broken. */
static TSNode error_focus(TSNode n)
{
    for (int guard = 0; guard < 64; guard++) {
        TSNode k, found = { 0 };
        KidIter it = kids_begin(n);
        while (kids_next(&it, &k, NULL))
            if (!is_clean_statement(k)) {
                found = k;
                break;
            }
        kids_end(&it);
        if (ts_node_is_null(found))
            return n;
        if (ts_node_child_count(found) == 0 || !ts_node_has_error(found) ||
            ts_node_start_point(found).row == ts_node_end_point(found).row)
            return found;
        n = found;
    }
    return n;
}

/* Indentation (bytes of leading blanks) of a 0-based row. */
static uint32_t line_indent(Parser *p, uint32_t row)
{
    size_t len;
    const char *t = src_line(p->src, (int)row + 1, &len);
    uint32_t n = 0;
    while (n < len && (t[n] == ' ' || t[n] == '\t' || t[n] == '\f'))
        n++;
    return n;
}

static bool starts_with_word(const char *t, size_t len, const char *w)
{
    size_t n = strlen(w);
    return len >= n && memcmp(t, w, n) == 0 &&
           (len == n || !(isalnum((unsigned char)t[n]) || t[n] == '_'));
}

/* An ERROR that opens an indented line right after a compound statement
 * header without its ':' (`def f()` then the body): the colon is what is
 * missing.  Reported at the end of the header line. */
static bool report_header_colon(Parser *p, TSNode n)
{
    static const char *const kws[] = {
        "def", "class", "if", "elif", "else", "while", "for", "with", "try",
        "except", "finally", "async", "match", "case",
    };
    TSPoint at = ts_node_start_point(n);
    if (at.row == 0 || at.column != line_indent(p, at.row))
        return false;
    size_t len;
    const char *t = src_line(p->src, (int)at.row, &len); /* the line above */
    uint32_t ind = line_indent(p, at.row - 1);
    if (ind >= at.column)
        return false;
    while (len > ind && (t[len - 1] == ' ' || t[len - 1] == '\t'))
        len--;
    if (len == ind || memchr(t + ind, '#', len - ind) || t[len - 1] == ':' ||
        t[len - 1] == '\\')
        return false;
    bool kw = false;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        kw |= starts_with_word(t + ind, len - ind, kws[i]);
    if (!kw)
        return false;
    Span sp = { at.row, (uint32_t)len, at.row, (uint32_t)len };
    perr_span(p, sp, "expected ':'");
    return true;
}

static void report_error_node(Parser *p, TSNode n)
{
    if (report_header_colon(p, n))
        return;
    if (ts_node_start_point(n).row != ts_node_end_point(n).row &&
        ts_node_start_point(n).row + 2 < ts_node_end_point(n).row) {
        TSNode f = error_focus(n);
        if (!ts_node_eq(f, n)) {
            Span sp = node_span(f);
            if (sp.end_line != sp.line) {
                sp.end_line = sp.line;
                sp.end_col = sp.col + 1;
            }
            perr_span(p, sp, "invalid syntax");
            return;
        }
    }
    if (report_brackets(p, n) || report_bad_target(p, n) ||
        report_missing_colon(p, n))
        return;
    if (in_sequence(n) && count_named_kids(n) == 1 && ts_node_child_count(n) == 1)
        perr(p, n, "invalid syntax. Perhaps you forgot a comma?");
    else if (is_small_error(p, n))
        perr(p, n, "unexpected '%s'", token_repr(p, n));
    else
        perr(p, n, "invalid syntax");
}

static void report_missing(Parser *p, TSNode n)
{
    const char *type = ts_node_type(n);
    if (ts_node_is_named(n))
        perr(p, n, "expected %s", type);
    else
        perr(p, n, "expected '%s'", type);
}

/* The tree has an error but no visible ERROR or MISSING node: a hidden
 * token is missing (typically the newline in `import a import b`).  Go
 * down to the innermost node that has the error and point between the
 * two children that share a line. */
static void report_hidden_error(Parser *p, TSNode n)
{
    for (int guard = 0; guard < 10000; guard++) {
        TSNode k, next = { 0 };
        KidIter it = kids_begin(n);
        while (kids_next(&it, &k, NULL))
            if (ts_node_has_error(k)) {
                next = k;
                break;
            }
        kids_end(&it);
        if (ts_node_is_null(next))
            break;
        n = next;
    }
    TSNode k, prev = { 0 };
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k))
            continue;
        if (!ts_node_is_null(prev) &&
            ts_node_start_point(k).row == ts_node_end_point(prev).row) {
            kids_end(&it);
            perr(p, k, "invalid syntax");
            return;
        }
        prev = k;
    }
    kids_end(&it);
    perr(p, n, "invalid syntax");
}

/* Walks only the subtrees that contain errors; nested ERRORs inside an
 * ERROR are not reported again. */
void report_syntax_errors(Parser *p, TSNode root)
{
    if (!ts_node_has_error(root))
        return;
    int before = p->diags->n_errors;
    TSTreeCursor c = ts_tree_cursor_new(root);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&c);
        bool descend = false;
        if (ts_node_is_missing(n))
            report_missing(p, n);
        else if (strcmp(ts_node_type(n), "ERROR") == 0)
            report_error_node(p, n);
        else
            descend = ts_node_has_error(n);
        if (descend && ts_tree_cursor_goto_first_child(&c))
            continue;
        bool moved = false;
        while (!(moved = ts_tree_cursor_goto_next_sibling(&c)))
            if (!ts_tree_cursor_goto_parent(&c))
                break;
        if (!moved)
            break;
    }
    ts_tree_cursor_delete(&c);
    if (p->diags->n_errors == before)
        report_hidden_error(p, root);
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (len > n)
        return 0;
    unsigned cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Python rejects NUL bytes and invalid UTF-8 anywhere in a source file;
 * report the first of each. */
/* A `# -*- coding: NAME -*-` comment on line 1 or 2 naming anything but
 * UTF-8: such files are not supported (the bytes would be misread). */
static bool report_encoding_cookie(Parser *p)
{
    for (int line = 1; line <= 2 && line <= p->src->n_lines; line++) {
        size_t len;
        const char *t = src_line(p->src, line, &len);
        size_t i = 0;
        while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\f'))
            i++;
        if (i >= len || t[i] != '#')
            continue;
        for (; i + 7 < len; i++) {
            if (memcmp(t + i, "coding", 6) != 0 || (t[i + 6] != ':' && t[i + 6] != '='))
                continue;
            size_t s = i + 7;
            while (s < len && (t[s] == ' ' || t[s] == '\t'))
                s++;
            size_t e = s;
            while (e < len && (isalnum((unsigned char)t[e]) || t[e] == '-' ||
                               t[e] == '_' || t[e] == '.'))
                e++;
            char enc[32];
            size_t n = e - s < sizeof enc - 1 ? e - s : sizeof enc - 1;
            for (size_t k = 0; k < n; k++)
                enc[k] = (char)tolower((unsigned char)t[s + k]);
            enc[n] = '\0';
            if (n == 0 || strcmp(enc, "utf-8") == 0 || strcmp(enc, "utf8") == 0 ||
                strncmp(enc, "utf-8-", 6) == 0 || strcmp(enc, "ascii") == 0 ||
                strcmp(enc, "us-ascii") == 0)
                return false;
            Span sp = { (uint32_t)line, (uint32_t)s, (uint32_t)line, (uint32_t)e };
            perr_span(p, sp, "source encoding '%.*s' is not supported; "
                             "save the file as UTF-8", (int)(e - s), t + s);
            return true;
        }
    }
    return false;
}

void check_source_bytes(Parser *p)
{
    const unsigned char *t = (const unsigned char *)p->src->text;
    size_t n = p->src->len;
    bool nul = false, bad = report_encoding_cookie(p);
    for (size_t i = 0; i < n && !(nul && bad);) {
        if (t[i] == 0 && !nul) {
            perr_span(p, span_of_bytes(p->src, i, 1),
                      "source code cannot contain null bytes");
            nul = true;
        }
        size_t len = utf8_len(t + i, n - i);
        if (len == 0) {
            if (!bad)
                perr_span(p, span_of_bytes(p->src, i, 1),
                          "invalid UTF-8 byte 0x%02x in source", t[i]);
            bad = true;
            len = 1;
        }
        i += len;
    }
}


/* Clauses (elif, else, except, finally) that start a line must line up
 * with the statement they belong to. */
static void check_clauses(Parser *p, TSNode stmt)
{
    uint32_t col = ts_node_start_point(stmt).column;
    uint32_t row = ts_node_start_point(stmt).row;
    TSNode k;
    KidIter it = kids_begin(stmt);
    while (kids_next(&it, &k, NULL)) {
        const char *t = ts_node_type(k);
        size_t len = strlen(t);
        bool clause = len > 7 && strcmp(t + len - 7, "_clause") == 0 &&
                      strcmp(t, "with_clause") != 0 && strcmp(t, "case_clause") != 0;
        TSPoint at = ts_node_start_point(k);
        if (clause && at.row > row && at.column != col) {
            perr(p, k, "unindent does not match any outer indentation level");
            break;
        }
    }
    kids_end(&it);
}

/* Python's layout rules that tree-sitter-python does not enforce: a block
 * needs at least one statement, every statement that starts a line starts
 * at the block's column, statements sharing a line are separated by ';',
 * and clauses line up with their statement. */
void check_block_layout(Parser *p, TSNode block, TSNode owner)
{
    bool is_module = ts_node_is_null(owner);
    if (ts_node_is_null(block) || ts_node_has_error(block))
        return;
    TSNode k;
    int count = 0;
    bool semi = false, reported = false;
    uint32_t col = 0, last_row = 0;
    /* a UTF-8 byte order mark shifts the first line by three bytes */
    uint32_t bom = p->src->len >= 3 && memcmp(p->src->text, "\xef\xbb\xbf", 3) == 0;
    KidIter it = kids_begin(block);
    while (!reported && kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k)) {
            semi |= strcmp(ts_node_type(k), ";") == 0;
            continue;
        }
        TSPoint start = ts_node_start_point(k);
        uint32_t want = col + (is_module && start.row == 0 ? 3 * bom : 0);
        if (count == 0 && !is_module) {
            col = start.column;
        } else if ((count == 0 || start.row > last_row) && start.column != want) {
            /* deeper than the block but shallower than the line before:
             * a dedent that stops between two levels */
            bool dedent = start.column < want ||
                          (count > 0 && start.column < line_indent(p, last_row));
            perr(p, k, dedent ? "unindent does not match any outer "
                                "indentation level"
                              : "unexpected indent");
            reported = true;
        } else if (count > 0 && start.row == last_row && !semi) {
            perr(p, k, "invalid syntax: statements on one line must be "
                       "separated by ';'");
            reported = true;
        }
        check_clauses(p, k);
        last_row = ts_node_end_point(k).row;
        semi = false;
        count++;
    }
    kids_end(&it);
    /* An empty block in a statement with errors lost its body to an
     * ERROR node, which is reported already. */
    if (count == 0 && !is_module && !ts_node_has_error(owner))
        perr(p, block, "expected an indented block");
}

/* Skips a string literal starting at t[i] (a quote); returns the index
 * after it.  Only as precise as bracket counting needs. */
static size_t skip_string(const char *t, size_t n, size_t i)
{
    char q = t[i];
    bool triple = i + 2 < n && t[i + 1] == q && t[i + 2] == q;
    i += triple ? 3 : 1;
    while (i < n) {
        if (t[i] == '\\') {
            i += 2;
        } else if (t[i] == q && (!triple || (i + 2 < n && t[i + 1] == q &&
                                              t[i + 2] == q))) {
            return i + (triple ? 3 : 1);
        } else if (t[i] == '\n' && !triple) {
            return i;
        } else {
            i++;
        }
    }
    return n;
}

/* CPython refuses more than 200 nested brackets, and libtree-sitter
 * 0.20 itself breaks on tens of thousands of unclosed ones, so such
 * files are reported and not handed to tree-sitter at all. */
bool check_bracket_depth(Parser *p)
{
    const char *t = p->src->text;
    size_t n = p->src->len;
    int depth = 0;
    for (size_t i = 0; i < n;) {
        char c = t[i];
        if (c == '#') {
            while (i < n && t[i] != '\n')
                i++;
        } else if (c == '\'' || c == '"') {
            i = skip_string(t, n, i);
        } else {
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > PARSE_MAX_BRACKETS) {
                    perr_span(p, span_of_bytes(p->src, i, 1),
                              "too many nested parentheses");
                    return false;
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            i++;
        }
    }
    return true;
}
