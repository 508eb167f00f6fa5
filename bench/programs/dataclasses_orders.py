"""Order book with dataclasses: records made by the generated __init__
(keywords, defaults, a default_factory), field reads and updates, a
frozen key type hashed into a dict, and sorting by a field."""

from dataclasses import dataclass, field

BENCH_N = 550000
BENCH_N_QUICK = 10000

MODULUS = 1000000007


@dataclass(frozen=True)
class Symbol:
    market: str
    code: int


@dataclass
class Order:
    ident: int
    symbol: Symbol
    price: float
    qty: int = 1
    side: int = 1
    fills: list[int] = field(default_factory=list)

    def notional(self) -> float:
        return self.price * self.qty

    def fill(self, amount: int) -> int:
        done = min(amount, self.qty)
        self.qty -= done
        self.fills.append(done)
        return done


@dataclass
class Book:
    orders: list[Order] = field(default_factory=list)
    volume: int = 0

    def add(self, o: Order) -> None:
        self.orders.append(o)

    def match(self, amount: int) -> int:
        matched = 0
        for o in self.orders:
            if o.qty > 0 and matched < amount:
                got = o.fill(amount - matched)
                matched += got
                self.volume += got
        return matched


def order_price(o: Order) -> float:
    return o.price


def main(n: int) -> int:
    symbols = [Symbol("XNAS", i) for i in range(16)]
    books: dict[Symbol, Book] = {}
    state = 7
    acc = 0
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        sym = symbols[state % 16]
        o = Order(i, sym, price=float(state % 1000) / 10.0, qty=1 + state % 9,
                  side=-1 if state & 1 else 1)
        book = books.get(Symbol(sym.market, sym.code))
        if book is None:
            book = Book()
            books[sym] = book
        book.add(o)
        if i % 8 == 7:
            acc = (acc + book.match(1 + state % 13)) % MODULUS
        if len(book.orders) > 64:  # the oldest open orders expire
            book.orders = [x for x in book.orders if x.qty > 0][-32:]
    for sym in symbols:
        b = books[sym]
        best = sorted(b.orders, key=order_price)[:5]
        total = 0.0
        for o in best:
            total += o.notional()
        acc = (acc * 31 + b.volume + int(total) + len(b.orders)) % MODULUS
    return acc
