#!/usr/bin/env python3
"""How many bytes of WebAssembly code each pipeline stage compiles to.

Reads the .wasm cargo writes before wasm-bindgen and wasm-opt (it still has its
`name` section), sums each function body by the `lede::<module>` its name
starts with, and prints the totals: what a stage adds to the download, before
optimisation and compression. Everything not in the crate (std, serde, the
dependencies) is counted as "(dependencies and std)".

    bash scripts/build-wasm.sh
    python3 tools/wasm_code_by_module.py target/wasm32-unknown-unknown/wasm/lede.wasm
"""

import collections
import re
import sys


def leb128(data, at):
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def skip_name(data, at):
    length, at = leb128(data, at)
    return at + length


def imported_functions(data, at):
    """The number of functions the import section brings in (they come first)."""
    count, at = leb128(data, at)
    functions = 0
    for _ in range(count):
        at = skip_name(data, skip_name(data, at))
        kind = data[at]
        at += 1
        if kind == 0:  # function: a type index
            _, at = leb128(data, at)
            functions += 1
        elif kind == 1:  # table: element type, limits
            at += 1
            flags, at = leb128(data, at)
            _, at = leb128(data, at)
            if flags & 1:
                _, at = leb128(data, at)
        elif kind == 2:  # memory: limits
            flags, at = leb128(data, at)
            _, at = leb128(data, at)
            if flags & 1:
                _, at = leb128(data, at)
        elif kind == 3:  # global: value type, mutability
            at += 2
    return functions


def function_names(data, at, end):
    names = {}
    while at < end:
        subsection = data[at]
        size, at = leb128(data, at + 1)
        if subsection == 1:
            count, cursor = leb128(data, at)
            for _ in range(count):
                index, cursor = leb128(data, cursor)
                length, cursor = leb128(data, cursor)
                names[index] = data[cursor : cursor + length].decode("utf-8", "replace")
                cursor += length
        at += size
    return names


def main(path):
    data = open(path, "rb").read()
    at, imports, bodies, names = 8, 0, [], {}
    while at < len(data):
        section = data[at]
        size, at = leb128(data, at + 1)
        end = at + size
        if section == 2:
            imports = imported_functions(data, at)
        elif section == 10:
            count, cursor = leb128(data, at)
            for _ in range(count):
                length, body = leb128(data, cursor)
                bodies.append(length + body - cursor)
                cursor = body + length
        elif section == 0:
            name_end = skip_name(data, at)
            if data[at + 1 : name_end] == b"name":
                names = function_names(data, name_end, end)
        at = end
    if not names:
        sys.exit(f"{path} has no name section: use the build before wasm-bindgen")
    totals = collections.Counter()
    for index, size in enumerate(bodies):
        name = names.get(index + imports, "")
        module = re.search(r"lede::(\w+)", name) or re.search(r"_ZN4lede\d+(\w+?)\d", name)
        totals[module.group(1) if module else "(dependencies and std)"] += size
    print(f"{sum(bodies):>9} bytes of code in {len(bodies)} functions")
    for module, size in totals.most_common():
        print(f"{size:>9} {module}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/wasm/lede.wasm")
