"""The generic path: a deliberately unannotated program.

A tiny stack-machine interpreter (tuples, dicts, lists, dynamic dispatch
through a dict of handler functions) plus duck-typed records. Nothing here
has a type annotation, so compilers fall back to generic object code.
"""

BENCH_N = 240000
BENCH_N_QUICK = 8000


def op_push(vm, arg):
    vm.stack.append(arg)


def op_load(vm, arg):
    vm.stack.append(vm.env[arg])


def op_store(vm, arg):
    vm.env[arg] = vm.stack.pop()


def op_add(vm, arg):
    b = vm.stack.pop()
    a = vm.stack.pop()
    vm.stack.append(a + b)


def op_mul(vm, arg):
    b = vm.stack.pop()
    a = vm.stack.pop()
    vm.stack.append(a * b)


def op_mod(vm, arg):
    b = vm.stack.pop()
    a = vm.stack.pop()
    vm.stack.append(a % b)


def op_lt(vm, arg):
    b = vm.stack.pop()
    a = vm.stack.pop()
    vm.stack.append(a < b)


def op_jmpf(vm, arg):
    if not vm.stack.pop():
        vm.pc = arg


def op_jmp(vm, arg):
    vm.pc = arg


HANDLERS = {
    "push": op_push, "load": op_load, "store": op_store, "add": op_add,
    "mul": op_mul, "mod": op_mod, "lt": op_lt, "jmpf": op_jmpf, "jmp": op_jmp,
}


class VM:
    def __init__(self, code, env):
        self.code = code
        self.env = env
        self.stack = []
        self.pc = 0

    def run(self):
        code = self.code
        n = len(code)
        steps = 0
        while self.pc < n:
            op, arg = code[self.pc]
            self.pc += 1
            HANDLERS[op](self, arg)
            steps += 1
        return steps


def assemble(limit):
    # i = 0; acc = 1; while i < limit: acc = (acc * 31 + i) % 1000003; i = i + 1
    return [
        ("push", 0), ("store", "i"),
        ("push", 1), ("store", "acc"),
        ("load", "i"), ("push", limit), ("lt", None), ("jmpf", 21),
        ("load", "acc"), ("push", 31), ("mul", None), ("load", "i"), ("add", None),
        ("push", 1000003), ("mod", None), ("store", "acc"),
        ("load", "i"), ("push", 1), ("add", None), ("store", "i"),
        ("jmp", 4),
    ]


class Record:
    def __init__(self, name, size, tags=()):
        self.name = name
        self.size = size
        self.tags = tags


def make_records(count, seed):
    records = []
    state = seed
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        if state % 3 == 0:
            records.append(Record(name="r%d" % i, size=state % 97, tags=("a", "b")))
        elif state % 3 == 1:
            records.append({"name": "d%d" % i, "size": state % 89, "tags": ["c"]})
        else:
            records.append((i, state % 83))
    return records


def weigh(item):
    if isinstance(item, Record):
        return item.size * len(item.tags) + len(item.name)
    if isinstance(item, dict):
        return item["size"] + len(item["tags"]) * 2 + len(item["name"])
    a, b = item
    return a % 7 + b


def main(n):
    vm = VM(assemble(n), {})
    steps = vm.run()
    records = make_records(n, 7)
    total = 0
    for rec in records:
        total = (total * 7 + weigh(rec)) % 1000000007
    return (vm.env["acc"] * 1000 + steps + total) % 1000000007
