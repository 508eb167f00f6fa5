/* spy_str.h — str operations on an exact str, straight from its data:
 * one-character strings (a Latin-1 cache), indexing and slicing, ord,
 * comparisons, `s += t` in place, iteration by index, what loop copies
 * read (emit/lower_version.c); and str methods done in place for an exact
 * str with one-byte data: lower()/upper() of ASCII text and
 * strip()/lstrip()/rstrip(), which tokenizers call once per token (the
 * interpreter's method call, lookup and argument parsing, is most of
 * their cost on short strings).  Results are the interpreter's, identity
 * included: strip returns the string itself when nothing is stripped,
 * lower and upper always a new string (but for the empty one).  Any other
 * receiver or argument, a subclass included, goes to the interpreter's own
 * operation. */
#ifndef SPY_STR_H
#define SPY_STR_H

/* Legacy (not "ready") strings exist before 3.12 only. */
#if PY_VERSION_HEX < 0x030C0000
#define SPY_STR_READY(s) PyUnicode_IS_READY(s)
#else
#define SPY_STR_READY(s) 1
#endif

/* The interpreter's one-character strings U+0000..U+00FF, fetched once
 * (spy_str_init_cache, at module exec), for the reason and on the
 * versions spy_small_ints is: from 3.11 on they are static objects of the
 * runtime, so s[i] may hand out the very object the interpreter would
 * with a load instead of a call. */
#ifdef SPY_SMALL_INT_CACHE
#define SPY_LATIN1_CACHE 1
static PyObject *spy_latin1_chars[256];
#endif

static inline int spy_str_init_cache(void)
{
#ifdef SPY_LATIN1_CACHE
    for (int i = 0; i < 256; i++) {
        /* the reference is kept: these objects live as long as the process */
        if (!spy_latin1_chars[i] && !(spy_latin1_chars[i] = PyUnicode_FromOrdinal(i)))
            return -1;
    }
#endif
    return 0;
}

/* The code point at index i of a ready str.  PyUnicode_READ_CHAR is a
 * static inline function from 3.11 on, and GCC leaves it out of line in
 * some hot loops; this one is always inlined. */
static SPY_ALWAYS_INLINE inline Py_UCS4 spy_str_char_at(PyObject *s, Py_ssize_t i)
{
    return PyUnicode_READ(PyUnicode_KIND(s), PyUnicode_DATA(s), i);
}

/* The one-character string of code point ch (a new reference). */
static inline PyObject *spy_str_from_char(Py_UCS4 ch)
{
#ifdef SPY_LATIN1_CACHE
    if (ch < 256) {
        PyObject *o = spy_latin1_chars[ch];
        Py_INCREF(o);
        return o;
    }
#endif
    return PyUnicode_FromOrdinal((int)ch);
}

/* `for ch in s` over a str: an exact str is read by index (it cannot
 * change); what a subclass's iteration yields is taken as a list first, as
 * spy_list_for_iter does.  spy_strseq_len and spy_strseq_item read either. */
static inline PyObject *spy_str_for_iter(PyObject *o)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(o))) {
        Py_INCREF(o);
        return o;
    }
    return PySequence_List(o);
}

static inline Py_ssize_t spy_strseq_len(PyObject *o)
{
    return PyUnicode_CheckExact(o) ? PyUnicode_GET_LENGTH(o) : PyList_GET_SIZE(o);
}

/* A new reference, or NULL with MemoryError (a character beyond Latin-1
 * is a new str). */
static inline PyObject *spy_strseq_item(PyObject *o, int64_t i)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(o)))
        return spy_str_from_char(spy_str_char_at(o, (Py_ssize_t)i));
    return spy_list_item(o, i);
}

/* The general path of s[i]: a str subclass's __getitem__ may return
 * anything, and the caller relies on a str. */
SPY_COLD PyObject *spy_str__getitem_slow(PyObject *s, SpyInt index)
{
    PyObject *i = spy_int_box(index);
    if (!i)
        return NULL;
    PyObject *x = PyObject_GetItem(s, i);
    Py_DECREF(i);
    if (x && spy_expect(x, SPY_K_STR, "str") < 0)
        Py_CLEAR(x);
    return x;
}

/* s[i] with a machine-int index. */
static inline PyObject *spy_str_getitem_i64(PyObject *s, int64_t i)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(s))) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(s);
        if (i < 0)
            i += n;
        if (SPY_LIKELY((uint64_t)i < (uint64_t)n))
            return spy_str_from_char(spy_str_char_at(s, i));
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    SpyInt index = spy_int_from_i64(i);
    if (index == SPY_INT_ERR)
        return NULL;
    PyObject *x = spy_str__getitem_slow(s, index);
    spy_int_decref(index);
    return x;
}

/* s[i]: always a str (new reference), or NULL with an exception. */
static inline PyObject *spy_str_getitem(PyObject *s, SpyInt index)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(s) && SPY_INT_IS_SMALL(index)))
        return spy_str_getitem_i64(s, SPY_INT_VAL(index));
    return spy_str__getitem_slow(s, index);
}

/* Loop copies (emit/lower_version.c) read the characters of an exact,
 * ready str straight from its data. */
static inline int spy_str_plain(PyObject *s)
{
    return PyUnicode_CheckExact(s) && SPY_STR_READY(s);
}

/* The code point of a one-character exact str; -1 for anything else,
 * NULL (unbound) included. */
static inline int32_t spy_str_char_of(PyObject *s)
{
    if (s && spy_str_plain(s) && PyUnicode_GET_LENGTH(s) == 1)
        return (int32_t)spy_str_char_at(s, 0);
    return -1;
}

/* *p = the one-character str of c (a str local a loop copy assigned),
 * releasing the old value; -1 with MemoryError. */
static inline int spy_str_store_char(PyObject **p, int32_t c)
{
    PyObject *s = spy_str_from_char((Py_UCS4)c), *old = *p;
    if (!s)
        return -1;
    *p = s;
    Py_XDECREF(old);
    return 0;
}

SPY_COLD SpyInt spy_str__ord_error(PyObject *s)
{
    PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found",
                 PyUnicode_GET_LENGTH(s));
    return SPY_INT_ERR;
}

/* ord(s) for a str (a subclass included: ord reads the characters). */
static inline SpyInt spy_str_ord(PyObject *s)
{
    if (SPY_LIKELY(PyUnicode_GET_LENGTH(s) == 1))
        return SPY_INT_SMALL((int64_t)spy_str_char_at(s, 0));
    return spy_str__ord_error(s);
}

SPY_COLD SpyInt spy_str__to_int_slow(PyObject *s)
{
    /* a str subclass may define __int__, __index__ or __trunc__ */
    PyObject *o = PyUnicode_CheckExact(s) ? PyLong_FromUnicodeObject(s, 10) : PyNumber_Long(s);
    if (!o)
        return SPY_INT_ERR;
    SpyInt r = spy_int_from_long_object(o);
    Py_DECREF(o);
    return r;
}

/* int(s) for a str: an exact ASCII str of an optional sign and at most 18
 * digits is read here (what int() makes of it: leading zeros allowed);
 * spaces, underscores, other digits, longer numbers and the errors are
 * the interpreter's own conversion. */
static inline SpyInt spy_str_to_int(PyObject *s)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(s) && PyUnicode_IS_ASCII(s))) {
        const unsigned char *p = PyUnicode_1BYTE_DATA(s);
        Py_ssize_t n = PyUnicode_GET_LENGTH(s), i = p[0] == '-' || p[0] == '+';
        if (n > i && n - i <= 18) {
            int64_t v = 0;
            for (Py_ssize_t k = i; k < n && v >= 0; k++)
                v = p[k] >= '0' && p[k] <= '9' ? v * 10 + (p[k] - '0') : -1;
            if (v >= 0)
                return SPY_INT_SMALL(p[0] == '-' ? -v : v);
        }
    }
    return spy_str__to_int_slow(s);
}

/* s[lo:hi] for a str with int (or absent: has_lo/has_hi 0) bounds, clamped
 * as Python does. */
static inline PyObject *spy_str_slice(PyObject *s, SpyInt lo, int has_lo, SpyInt hi, int has_hi)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(s) && (!has_lo || SPY_INT_IS_SMALL(lo)) &&
                   (!has_hi || SPY_INT_IS_SMALL(hi)))) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(s);
        Py_ssize_t a = has_lo ? SPY_INT_VAL(lo) : 0, b = has_hi ? SPY_INT_VAL(hi) : n;
        if (a < 0 && (a += n) < 0)
            a = 0;
        if (b < 0 && (b += n) < 0)
            b = 0;
        if (a > n)
            a = n;
        if (b > n)
            b = n;
        if (b < a)
            b = a;
        return PyUnicode_Substring(s, a, b);
    }
    PyObject *l = has_lo ? spy_int_box(lo) : (Py_INCREF(Py_None), Py_None);
    PyObject *h = has_hi ? spy_int_box(hi) : (Py_INCREF(Py_None), Py_None);
    PyObject *sl = l && h ? PySlice_New(l, h, NULL) : NULL;
    PyObject *x = sl ? PyObject_GetItem(s, sl) : NULL;
    Py_XDECREF(l);
    Py_XDECREF(h);
    Py_XDECREF(sl);
    return x;
}

/* a == b for two str: identity, length, kind, then the bytes. */
static inline int spy_str_eq(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (n != PyUnicode_GET_LENGTH(b) || PyUnicode_KIND(a) != PyUnicode_KIND(b))
        return 0;
    if (n == 0)
        return 1;
    /* one character (ch == " "): no memcmp call */
    int kind = PyUnicode_KIND(a);
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    if (PyUnicode_READ(kind, da, 0) != PyUnicode_READ(kind, db, 0))
        return 0;
    return n == 1 || memcmp(da, db, (size_t)n * (size_t)kind) == 0;
}

/* a == b (op Py_EQ) or a != b (Py_NE) for two str: the characters when
 * both are exact str, else the rich comparison (a subclass may define
 * __eq__, and Python tries a subclass's reflected method first).  1/0, or
 * 2 with an exception. */
static inline char spy_str_equal(PyObject *a, PyObject *b, int op)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b)))
        return (char)(spy_str_eq(a, b) == (op == Py_EQ));
    return spy_richcompare_bool(a, b, op);
}

/* a < b, <=, >, >= for two str, the same way. */
static inline char spy_str_order(PyObject *a, PyObject *b, int op)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b))) {
        int c = PyUnicode_Compare(a, b); /* two str: cannot fail */
        switch (op) {
        case Py_LT: return c < 0;
        case Py_LE: return c <= 0;
        case Py_GT: return c > 0;
        default: return c >= 0;
        }
    }
    return spy_richcompare_bool(a, b, op);
}

/* `*p += r` for a str local *p (a new reference it owns): PyUnicode_Append
 * resizes *p in place when nothing else refers to it, as the interpreter's
 * own `s += t` does.  On failure *p is left a valid str (""), so the local
 * never holds NULL.  0, or -1 with an exception. */
/* `*p += ch` for one character ch, in place: the str is only ours
 * (refcount 1, not interned, no hash computed yet) and ch fits its kind
 * (an ASCII str stays ASCII), so it grows by one as PyUnicode_Append
 * would grow it, without its general copy.  1 done, 0 not applicable,
 * -1 MemoryError (*p unchanged). */
static inline int spy_str__append_char(PyObject **p, Py_UCS4 ch)
{
    PyObject *s = *p;
    if (Py_REFCNT(s) != 1 || PyUnicode_CHECK_INTERNED(s) || ((PyASCIIObject *)s)->hash != -1 ||
        !PyUnicode_IS_COMPACT(s))
        return 0;
    int kind = PyUnicode_KIND(s);
    Py_UCS4 max = PyUnicode_IS_ASCII(s) ? 0x7F : kind == PyUnicode_1BYTE_KIND ? 0xFF
                : kind == PyUnicode_2BYTE_KIND ? 0xFFFF : 0x10FFFF;
    if (ch > max)
        return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (PyUnicode_Resize(p, n + 1) < 0)
        return -1;
    PyUnicode_WRITE(kind, PyUnicode_DATA(*p), n, ch);
    return 1;
}

static inline int spy_str_iadd(PyObject **p, PyObject *r)
{
    PyObject *s = *p;
    if (SPY_LIKELY(PyUnicode_CheckExact(s) && PyUnicode_CheckExact(r))) {
        if (PyUnicode_GET_LENGTH(r) == 1) {
            int done = spy_str__append_char(p, spy_str_char_at(r, 0));
            if (done)
                return done > 0 ? 0 : -1;
        }
        PyUnicode_Append(&s, r); /* consumes s; NULL on failure */
        if (SPY_UNLIKELY(s == NULL)) {
            /* the interpreter's empty-string singleton: 3.9-3.13 make it
             * at startup, so this returns it and cannot fail */
            *p = PyUnicode_New(0, 0);
            return -1;
        }
        *p = s;
        return 0;
    }
    PyObject *n = PyUnicode_Concat(s, r); /* what `+` on two str does here */
    if (n == NULL)
        return -1;
    *p = n;
    Py_DECREF(s);
    return 0;
}

/* ---- methods ------------------------------------------------------------------ */

/* Out of line and opaque to interprocedural analysis: inlined where the
 * receiver may be None on some path, gcc's constant propagation reports
 * bogus -Warray-bounds reading str fields of _Py_NoneStruct.  A direct
 * call is cheap next to the method call it replaces. */
#if defined(__GNUC__) && !defined(__clang__)
#define SPY_STR_FN static __attribute__((noipa, unused))
#elif defined(__clang__)
#define SPY_STR_FN static __attribute__((noinline, unused))
#else
#define SPY_STR_FN static
#endif

#define SPY_STR_ASCII(s) (PyUnicode_CheckExact(s) && SPY_STR_READY(s) && PyUnicode_IS_ASCII(s))

SPY_COLD PyObject *spy_str__call(PyObject *s, const char *method, PyObject *arg)
{
    if (arg)
        return PyObject_CallMethod(s, method, "O", arg);
    return PyObject_CallMethod(s, method, NULL);
}

/* lower (to_upper 0) or upper (1) of ASCII text. */
SPY_STR_FN PyObject *spy_str__case(PyObject *s, int to_upper)
{
    if (SPY_UNLIKELY(!SPY_STR_ASCII(s)))
        return spy_str__call(s, to_upper ? "upper" : "lower", NULL);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0) /* the empty string is a singleton; anything else is copied */
        return spy_new_ref(s);
    PyObject *r = PyUnicode_New(n, 127);
    if (!r)
        return NULL;
    const Py_UCS1 *p = PyUnicode_1BYTE_DATA(s);
    Py_UCS1 *q = PyUnicode_1BYTE_DATA(r);
    unsigned char lo = to_upper ? 'a' : 'A'; /* the first letter to change */
    for (Py_ssize_t i = 0; i < n; i++)
        q[i] = (unsigned char)(p[i] - lo) <= 25 ? (Py_UCS1)(p[i] ^ 0x20) : p[i];
    return r;
}

static inline PyObject *spy_str_lower(PyObject *s) { return spy_str__case(s, 0); }
static inline PyObject *spy_str_upper(PyObject *s) { return spy_str__case(s, 1); }

/* str.isspace() of an ASCII character (the Unicode whitespace below 128). */
static inline int spy_ascii_space(Py_UCS1 c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

#define SPY_STRIP_LEFT 1
#define SPY_STRIP_RIGHT 2

/* The part [*i, *j) of the one-byte text p left when the characters in
 * set (bits by code point; NULL: whitespace) are taken off the `sides`
 * ends. */
static inline void spy_str__strip_bounds(const Py_UCS1 *p, Py_ssize_t *i, Py_ssize_t *j,
                                         const uint64_t *set, int sides)
{
#define SPY_STRIPPED(ch) \
    (set ? (int)((set[(ch) >> 6] >> ((ch) & 63)) & 1) : spy_ascii_space(ch))
    if (sides & SPY_STRIP_LEFT)
        while (*i < *j && SPY_STRIPPED(p[*i]))
            ++*i;
    if (sides & SPY_STRIP_RIGHT)
        while (*j > *i && SPY_STRIPPED(p[*j - 1]))
            --*j;
#undef SPY_STRIPPED
}

/* The strip of a one-byte-kind str s (set as for spy_str__strip_bounds):
 * s itself when nothing goes. */
static inline PyObject *spy_str__strip_bits(PyObject *s, const uint64_t *set, int sides)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i = 0, j = n;
    spy_str__strip_bounds(PyUnicode_1BYTE_DATA(s), &i, &j, set, sides);
    if (i == 0 && j == n)
        return spy_new_ref(s);
    return PyUnicode_Substring(s, i, j);
}

/* s.strip(chars), s.lstrip(chars), s.rstrip(chars) (`sides`: which ends);
 * chars NULL or None: whitespace. */
SPY_STR_FN PyObject *spy_str_strip(PyObject *s, PyObject *chars, int sides)
{
    static const char *const names[] = {NULL, "lstrip", "rstrip", "strip"};
    if (chars == Py_None)
        chars = NULL;
    int ok = chars ? PyUnicode_CheckExact(s) && SPY_STR_READY(s) &&
                         PyUnicode_KIND(s) == PyUnicode_1BYTE_KIND &&
                         PyUnicode_CheckExact(chars) && SPY_STR_READY(chars) &&
                         PyUnicode_KIND(chars) == PyUnicode_1BYTE_KIND
                   : SPY_STR_ASCII(s);
    if (SPY_UNLIKELY(!ok))
        return spy_str__call(s, names[sides], chars);
    uint64_t set[4] = {0, 0, 0, 0}; /* the characters to strip, as bits */
    if (chars) {
        const Py_UCS1 *c = PyUnicode_1BYTE_DATA(chars);
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++)
            set[c[k] >> 6] |= (uint64_t)1 << (c[k] & 63);
    }
    return spy_str__strip_bits(s, chars ? set : NULL, sides);
}

/* s.strip(chars).lower() (to_upper: .upper(); lstrip, rstrip by sides)
 * in one step: the stripped part's case changed into one new string.
 * chars: NULL (whitespace) or an ASCII literal, set its bits. */
SPY_STR_FN PyObject *spy_str_strip_case(PyObject *s, PyObject *chars, const uint64_t *set,
                                        int sides, int to_upper)
{
    if (SPY_UNLIKELY(!SPY_STR_ASCII(s))) {
        PyObject *t = chars ? spy_str_strip(s, chars, sides) : spy_str_strip(s, NULL, sides);
        PyObject *r = t ? spy_str__case(t, to_upper) : NULL;
        Py_XDECREF(t);
        return r;
    }
    const Py_UCS1 *p = PyUnicode_1BYTE_DATA(s);
    Py_ssize_t i = 0, j = PyUnicode_GET_LENGTH(s);
    spy_str__strip_bounds(p, &i, &j, set, sides);
    if (i == j)
        return PyUnicode_New(0, 0);
    PyObject *r = PyUnicode_New(j - i, 127);
    if (!r)
        return NULL;
    Py_UCS1 *q = PyUnicode_1BYTE_DATA(r);
    unsigned char lo = to_upper ? 'a' : 'A'; /* the first letter to change */
    for (Py_ssize_t k = i; k < j; k++)
        q[k - i] = (unsigned char)(p[k] - lo) <= 25 ? (Py_UCS1)(p[k] ^ 0x20) : p[k];
    return r;
}

/* s.strip("...") with an ASCII literal, its characters as bits made by
 * the compiler (set); chars is the literal, for the general path. */
static inline PyObject *spy_str_strip_set(PyObject *s, PyObject *chars, const uint64_t *set,
                                          int sides)
{
    if (SPY_UNLIKELY(!(PyUnicode_CheckExact(s) && SPY_STR_READY(s) &&
                       PyUnicode_KIND(s) == PyUnicode_1BYTE_KIND)))
        return spy_str_strip(s, chars, sides);
    return spy_str__strip_bits(s, set, sides);
}

#endif /* SPY_STR_H */
