/* spy_str.h — str methods done in place for an exact str with one-byte
 * data: lower()/upper() of ASCII text and strip()/lstrip()/rstrip(),
 * which tokenizers call once per token.  The interpreter's method call
 * (lookup, argument parsing) is most of their cost on short strings.
 * Results are the interpreter's, identity included: strip returns the
 * string itself when nothing is stripped, lower and upper always a new
 * string (but for the empty one).  Any other receiver or argument goes to
 * the method itself. */
#ifndef SPY_STR_H
#define SPY_STR_H

/* Legacy (not "ready") strings exist before 3.12 only. */
#if PY_VERSION_HEX < 0x030C0000
#define SPY_STR_READY(s) PyUnicode_IS_READY(s)
#else
#define SPY_STR_READY(s) 1
#endif

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
    const Py_UCS1 *p = PyUnicode_1BYTE_DATA(s);
    uint64_t set[4] = {0, 0, 0, 0}; /* the characters to strip, as bits */
    if (chars) {
        const Py_UCS1 *c = PyUnicode_1BYTE_DATA(chars);
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++)
            set[c[k] >> 6] |= (uint64_t)1 << (c[k] & 63);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i = 0, j = n;
#define SPY_STRIPPED(ch) \
    (chars ? (int)((set[(ch) >> 6] >> ((ch) & 63)) & 1) : spy_ascii_space(ch))
    if (sides & SPY_STRIP_LEFT)
        while (i < j && SPY_STRIPPED(p[i]))
            i++;
    if (sides & SPY_STRIP_RIGHT)
        while (j > i && SPY_STRIPPED(p[j - 1]))
            j--;
#undef SPY_STRIPPED
    if (i == 0 && j == n)
        return spy_new_ref(s);
    return PyUnicode_Substring(s, i, j);
}

#endif /* SPY_STR_H */
