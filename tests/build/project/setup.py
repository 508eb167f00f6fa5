# A project that ships a compiled module the way users do: setup.py asks
# staticpy.build for its extensions (tests/build/run_build.py builds it).
from setuptools import setup

from staticpy.build import staticpyify

setup(
    name="staticpy-demo",
    version="1.0",
    packages=["demo"],
    ext_modules=staticpyify(["demo/fastmath.py", "demo/report.py"]),
)
