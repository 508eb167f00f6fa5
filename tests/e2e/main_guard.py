# The body of `if __name__ == "__main__":` must not run on import, in
# either mode; __name__ is the module's name.


def main() -> None:
    print("main() ran")


def name_is_module() -> bool:
    return __name__ == "main_guard"


print(__name__, name_is_module())

if __name__ == "__main__":
    print("running as a script")
    main()
else:
    print("imported, not run as a script")

if __name__ != "__main__":
    print("still imported")
