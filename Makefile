# staticpyc — build, tests, demo, bench.
#
#   make              deps + build/staticpyc
#   make test         deps + build + unit tests + errors + e2e (every interpreter) + leak
#                     + random loops (fuzz_loops) + fuzz + robust + build
#   make test-asan    the compiler under ASan+UBSan, e2e modules built with ASan+UBSan
#   make demo         compile samples/demo.py and time it against the interpreter
#   make bench        python3 bench/run.py      (bench-quick: --quick)
#   make deps         install what is missing (tools/deps.sh); silent when all is there
#                     (deps-bench: also the Debian peers bench measures, i.e. pypy3)
#   make clean        remove build/ (distclean: also .deps/)
#
# Top-level targets run tools/deps.sh first, then a sub-make does the build, so
# the grammar sources exist before any rule needs them, even under -j.

CC ?= cc
PYTHON ?= python3
PYTHON_CONFIG ?= $(PYTHON)-config
CFLAGS = -std=c11 -Wall -Wextra -Werror -O2 -g
LDFLAGS ?=

# Sub-makes build in parallel on every core unless -j was given.
NPROC := $(shell nproc 2>/dev/null || echo 2)
SUBMAKE = $(MAKE) --no-print-directory $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))

# Our code: the repo root on the include path, the runtime found by absolute path.
OUR_CPPFLAGS = -I. -DSPY_RUNTIME_DIR='"$(CURDIR)/runtime"' $(TS_CFLAGS)
DEPFLAGS = -MMD -MP

# Recursively expanded: evaluated when a recipe needs them, after deps ran.
TS_CFLAGS = $(shell pkg-config --cflags tree-sitter 2>/dev/null)
TS_LIBS = $(or $(shell pkg-config --libs tree-sitter 2>/dev/null),-ltree-sitter)
PY_INCLUDES = $(shell $(PYTHON_CONFIG) --includes)
PY_LDFLAGS = $(shell $(PYTHON_CONFIG) --embed --ldflags 2>/dev/null || $(PYTHON_CONFIG) --ldflags)

# The tree-sitter-python grammar (fetched into .deps/ by tools/deps.sh). Not our
# code: no -Werror, no warnings.
GRAMMAR_DIR := .deps/tree-sitter-python/src
GRAMMAR_CFLAGS = -std=c11 -O2 -w -I$(GRAMMAR_DIR)
GRAMMAR_OBJS := build/obj/grammar/parser.o build/obj/grammar/scanner.o

# Sources by stage; a folder may be empty or missing.
src_of = $(sort $(wildcard $(1)/*.c))
obj_of = $(patsubst %.c,build/obj/%.o,$(call src_of,$(1)))
FRONTEND_OBJS := $(call obj_of,frontend)
TYPECHECK_OBJS := $(call obj_of,typecheck)
EMIT_OBJS := $(call obj_of,emit)
DRIVER_OBJS := $(call obj_of,driver)
COMPILER_OBJS := $(FRONTEND_OBJS) $(TYPECHECK_OBJS) $(EMIT_OBJS) $(DRIVER_OBJS)

# ASan+UBSan build of the compiler itself (test-asan). The grammar objects are reused.
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ASAN_OBJS := $(patsubst build/obj/%,build/asan/obj/%,$(COMPILER_OBJS))

# Unit tests: one cmocka binary per tests/unit/test_*.c that exists. Other .c
# files in tests/unit/ are shared helpers, linked into the stage tests.
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_TESTS := $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRCS))
UNIT_HELPER_OBJS := $(patsubst %.c,build/obj/%.o,$(filter-out $(UNIT_SRCS),$(sort $(wildcard tests/unit/*.c))))
RUNTIME_OBJS := $(patsubst %.c,build/obj/rt/%.o,$(sort $(wildcard runtime/*.c)))

.PHONY: all build deps deps-bench test test-asan unit demo bench bench-quick clean distclean

all: deps
	@$(SUBMAKE) build

deps:
	@tools/deps.sh

# The benchmark peers from Debian (PyPy); only bench and bench-quick need them.
deps-bench:
	@tools/deps.sh --bench

ifneq ($(wildcard driver/main.c),)
build: build/staticpyc
else
build: $(COMPILER_OBJS)
	@echo "make: driver/main.c does not exist yet: stage objects built, build/staticpyc not linked"
endif

build/staticpyc: $(COMPILER_OBJS) $(GRAMMAR_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(TS_LIBS) -lm

build/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(OUR_CPPFLAGS) $(DEPFLAGS) -c -o $@ $<

build/obj/grammar/%.o: $(GRAMMAR_DIR)/%.c
	@mkdir -p $(@D)
	$(CC) $(GRAMMAR_CFLAGS) -c -o $@ $<

# Only reached when .deps/ is missing and a build target was asked for directly.
# Secondary: make must not delete them as intermediate files.
.SECONDARY: $(GRAMMAR_DIR)/parser.c $(GRAMMAR_DIR)/scanner.c
$(GRAMMAR_DIR)/%.c:
	@tools/deps.sh

# ---- unit tests -------------------------------------------------------------
unit: $(UNIT_TESTS)

# Each stage test links its stage and the ones below it, never the driver:
# test_frontend -> frontend; test_typecheck -> + typecheck; any other -> + emit.
stage_objs_for = $(FRONTEND_OBJS) $(if $(filter test_frontend,$(1)),,$(TYPECHECK_OBJS) \
                 $(if $(filter test_typecheck,$(1)),,$(EMIT_OBJS))) $(GRAMMAR_OBJS)

define unit_rule
build/tests/$(1): build/obj/tests/unit/$(1).o $(UNIT_HELPER_OBJS) $(call stage_objs_for,$(1))
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS) -o $$@ $$^ $$(TS_LIBS) -lcmocka -lm
endef
$(foreach t,$(filter-out test_runtime,$(notdir $(UNIT_TESTS))),$(eval $(call unit_rule,$(t))))

# The runtime test sees only the runtime and CPython (embedded).
build/tests/test_runtime: build/obj/rt/tests/unit/test_runtime.o $(RUNTIME_OBJS)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(PY_LDFLAGS) -lcmocka

build/obj/rt/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime $(PY_INCLUDES) $(DEPFLAGS) -c -o $@ $<

# ---- test suites --------------------------------------------------------------
test: deps
	@$(SUBMAKE) build unit
	@PYTHON=$(PYTHON) tools/test.sh $(UNIT_TESTS)

build/asan/staticpyc: $(ASAN_OBJS) $(GRAMMAR_OBJS)
	$(CC) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(TS_LIBS) -lm

build/asan/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(OUR_CPPFLAGS) $(DEPFLAGS) -c -o $@ $<

# The sanitized compiler runs the diagnostics tests (broken inputs), then e2e
# builds every module with ASan+UBSan (tests/run_e2e.py --asan), and so do
# two modules of random loops (tests/fuzz_loops.py --asan).
test-asan: deps
	@$(SUBMAKE) build build/asan/staticpyc
	@rc=0; \
	ASAN_OPTIONS=detect_leaks=0 $(PYTHON) tests/run_errors.py --compiler build/asan/staticpyc || rc=1; \
	$(PYTHON) tests/run_e2e.py --asan --python $(PYTHON) --compiler build/asan/staticpyc || rc=1; \
	$(PYTHON) tests/fuzz_loops.py --asan --modules 2 --python $(PYTHON) || rc=1; \
	exit $$rc

# ---- demo and bench -------------------------------------------------------------
demo: deps
	@$(SUBMAKE) build
	$(PYTHON) tools/demo.py

bench: deps deps-bench
	@$(SUBMAKE) build
	$(PYTHON) bench/run.py

bench-quick: deps deps-bench
	@$(SUBMAKE) build
	$(PYTHON) bench/run.py --quick

clean:
	rm -rf build

distclean: clean
	rm -rf .deps

-include $(COMPILER_OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(UNIT_HELPER_OBJS:.o=.d) $(RUNTIME_OBJS:.o=.d)
-include $(patsubst build/tests/%,build/obj/tests/unit/%.d,$(UNIT_TESTS)) build/obj/rt/tests/unit/test_runtime.d
