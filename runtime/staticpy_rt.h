/* staticpy_rt.h — the one header generated C includes (-I runtime/).
 * It pulls in Python.h and the per-area runtime headers: tagged ints
 * (spy_int.h), float semantics (spy_float.h), argument binding for
 * Python-visible wrappers (spy_args.h), and errors, tracebacks, globals
 * and checked unboxing (spy_err.h). Everything is static inline (or a
 * static out-of-line cold path marked unused), and there is no mutable
 * global state, so each module is one translation unit and any number of
 * compiled modules and interpreters coexist in one process.
 * Supports CPython 3.9–3.13; version differences use PY_VERSION_HEX. */
#ifndef STATICPY_RT_H
#define STATICPY_RT_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#if PY_VERSION_HEX < 0x030C0000
#include <structmember.h> /* PyMemberDef, T_OBJECT_EX (in Python.h since 3.12) */
#endif
#include <stddef.h>
#include <stdint.h>

#if PY_VERSION_HEX < 0x03090000
#error "staticpyc's runtime needs CPython 3.9 or newer"
#endif

#include "spy_int.h"
#include "spy_float.h"
#include "spy_args.h"
#include "spy_err.h"
#include "spy_ops.h"
#include "spy_containers.h"
#include "spy_array.h"
#include "spy_str.h"
#include "spy_any.h"
#include "spy_classes.h"
#include "spy_dataclass.h"
#include "spy_math.h"
#include "spy_exc.h"
#include "spy_fixed.h"
#include "spy_gen.h"

#endif /* STATICPY_RT_H */
