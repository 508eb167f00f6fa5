# Documented difference: a field declared with a default in a native
# class body (`limit: int = 30`) is a field of every instance, started from
# the default.  Reading it through the class gives the default, as in the
# interpreter, but the class's dict holds a descriptor rather than the
# value, and rebinding it through the class (`Config.limit = 5`) does not
# change what instances read (in the interpreter they share the class
# attribute until they assign their own).  A class variable (`limit = 30`
# or `limit: ClassVar[int] = 30`) behaves as the interpreter's.
# Expected compiled output: diff_field_default_class.compiled.out


class Config:
    limit: int = 30

    def get(self) -> int:
        return self.limit


old = Config()
print(Config.limit, old.get(), type(vars(Config)["limit"]).__name__ == "int")
Config.limit = 5
print(Config.limit, old.get(), Config().get())
