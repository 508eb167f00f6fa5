/*
 * parse_number.c — numeric literals: ints in every base with underscores
 * (big ones converted to decimal digit text by a small base-10^9 bignum),
 * floats, and imaginary literals.  Python 2 forms tree-sitter still
 * accepts (`10L`, `0777`) are reported.
 *
 * Entry points (parse_internal.h): conv_integer, conv_float.
 */
#include "parse_internal.h"

#include <stdlib.h>
#include <string.h>

/* MAX_INT_DIGITS keeps the quadratic conversion cheap (about 0.2 s at the
 * limit); CPython refuses decimal literals past MAX_DECIMAL_DIGITS. */
enum { MAX_INT_DIGITS = 100000, MAX_DECIMAL_DIGITS = 4300 };

/* Copies the literal without underscores into a heap buffer. */
static char *strip_underscores(const char *t, size_t len, size_t *out_len)
{
    char *buf = malloc(len + 1);
    if (!buf) {
        fputs("staticpyc: out of memory\n", stderr);
        abort();
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i++)
        if (t[i] != '_')
            buf[o++] = t[i];
    buf[o] = '\0';
    *out_len = o;
    return buf;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* Little-endian limbs in base 10^9. */
typedef struct Big {
    uint32_t *limb;
    size_t n;
} Big;

static void big_muladd(Big *b, uint32_t base, uint32_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->limb[i] * base + carry;
        b->limb[i] = (uint32_t)(t % 1000000000u);
        carry = t / 1000000000u;
    }
    if (carry)
        b->limb[b->n++] = (uint32_t)carry;
}

/* Digits (no prefix, no underscores) in `base` to decimal text.  Digits
 * are taken in chunks whose value fits a limb multiplier (base^k < 2^30),
 * so the quadratic part runs k times fewer passes. */
static char *to_decimal(Arena *a, const char *digits, size_t nd, uint32_t base)
{
    Big b;
    b.limb = calloc(nd + 2, sizeof(uint32_t)); /* a limb per digit is plenty */
    if (!b.limb) {
        fputs("staticpyc: out of memory\n", stderr);
        abort();
    }
    b.n = 0;
    size_t chunk = base == 16 ? 7 : base == 8 ? 9 : base == 2 ? 29 : 9;
    for (size_t i = 0; i < nd; i += chunk) {
        uint32_t mul = 1, add = 0;
        for (size_t j = i; j < nd && j < i + chunk; j++) {
            int v = digit_value(digits[j]);
            add = add * base + (uint32_t)(v < (int)base ? v : 0);
            mul *= base;
        }
        big_muladd(&b, mul, add);
    }
    char *out = arena_alloc(a, b.n * 9 + 2);
    if (b.n == 0) {
        strcpy(out, "0");
    } else {
        size_t o = (size_t)sprintf(out, "%u", b.limb[b.n - 1]);
        for (size_t i = b.n - 1; i-- > 0;)
            o += (size_t)sprintf(out + o, "%09u", b.limb[i]);
    }
    free(b.limb);
    return out;
}

static void set_value(Expr *e)
{
    const char *t = e->u.int_lit.text;
    size_t len = strlen(t);
    if (len > 19)
        return;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (v > (UINT64_MAX - 9) / 10)
            return;
        v = v * 10 + (uint64_t)(t[i] - '0');
    }
    if (v <= (uint64_t)INT64_MAX) {
        e->u.int_lit.fits_i64 = true;
        e->u.int_lit.value = (int64_t)v;
    }
}

static Expr *imaginary(Parser *p, TSNode n, const char *digits)
{
    Expr *e = new_expr(p, EX_IMAG, node_span(n));
    e->u.float_lit.value = strtod(digits, NULL);
    return e;
}

/* Python 3 rejects 0777 (but not 0 or 000). */
static void check_leading_zero(Parser *p, TSNode n, const char *d, size_t nd)
{
    if (nd < 2 || d[0] != '0')
        return;
    for (size_t i = 0; i < nd; i++)
        if (d[i] != '0') {
            perr(p, n, "leading zeros in decimal integer literals are not "
                       "permitted; use an 0o prefix for octal integers");
            return;
        }
}

Expr *conv_integer(Parser *p, TSNode n)
{
    size_t tlen, len;
    const char *t = node_text(p, n, &tlen);
    char *d = strip_underscores(t, tlen, &len);
    if (len > 0 && (d[len - 1] == 'j' || d[len - 1] == 'J')) {
        d[len - 1] = '\0';
        Expr *e = imaginary(p, n, d);
        free(d);
        return e;
    }
    if (len > 0 && (d[len - 1] == 'l' || d[len - 1] == 'L')) {
        perr(p, n, "invalid decimal literal (Python 2 long suffix)");
        d[--len] = '\0';
    }
    uint32_t base = 10;
    size_t skip = 0;
    if (len >= 2 && d[0] == '0') {
        char c = d[1];
        base = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8
             : (c == 'b' || c == 'B') ? 2 : 10;
        skip = base == 10 ? 0 : 2;
    }
    if (base == 10)
        check_leading_zero(p, n, d, len);
    Expr *e = new_expr(p, EX_INT, node_span(n));
    if (base == 10 && len > MAX_DECIMAL_DIGITS) {
        /* CPython's limit (sys.set_int_max_str_digits), same wording */
        perr(p, n, "Exceeds the limit (%d digits) for integer string "
                   "conversion: value has %zu digits; use hexadecimal for "
                   "huge integer literals", MAX_DECIMAL_DIGITS, len);
        e->u.int_lit.text = "0";
    } else if (len - skip > MAX_INT_DIGITS) {
        perr(p, n, "integer literal is too large (more than %d digits)",
             MAX_INT_DIGITS);
        e->u.int_lit.text = "0";
    } else {
        e->u.int_lit.text = to_decimal(p->a, d + skip, len - skip, base);
    }
    set_value(e);
    free(d);
    return e;
}

Expr *conv_float(Parser *p, TSNode n)
{
    size_t tlen, len;
    const char *t = node_text(p, n, &tlen);
    char *d = strip_underscores(t, tlen, &len);
    Expr *e;
    if (len > 0 && (d[len - 1] == 'j' || d[len - 1] == 'J')) {
        d[len - 1] = '\0';
        e = imaginary(p, n, d);
    } else {
        e = new_expr(p, EX_FLOAT, node_span(n));
        e->u.float_lit.value = strtod(d, NULL);
    }
    free(d);
    return e;
}
