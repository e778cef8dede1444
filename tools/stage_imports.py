#!/usr/bin/env python3
"""Draws the product crate's structure from its own imports and checks its shape.

Every `crate::STAGE` reference in src/ (outside tests) is an edge from the module
that writes it to that stage. The stages run one way on a shared ground floor:

    ground  <  intake  <  text  <  entities  <  quotes  <  time  <  sentiment  <  report

A stage may use the ground floor, earlier stages' entry points and output types,
and the crate root's request types (Input, Options, Span, Error); it may not use a
later stage, nor reach into another stage's submodules (crate::entities::tagger::…).
The ground floor uses no stage. `lib.rs` (the entry) and `lab.rs` (the lab's window
on internals) stand above all. Prints the edges, checks for circles; exit 1 on any
violation. Usage: python3 tools/stage_imports.py [--edges]
"""
import os
import re
import sys

ORDER = ["ground", "intake", "text", "entities", "quotes", "time", "sentiment", "report"]
ROOT_TYPES = {"Input", "Options", "Span", "Error", "SCHEMA", "DictionaryEntry", "Utf16Span", "MAX_INPUT_BYTES", "analyze", "Analysis", "Document"}
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def strip_tests(code):
    """The file without its `#[cfg(test)]` modules (tests may use anything)."""
    at = code.find("#[cfg(test)]\nmod tests")
    return code if at < 0 else code[:at]


edges, problems = {}, []
for folder, _, files in os.walk(src):
    for name in files:
        if not name.endswith(".rs") or name == "tests.rs":
            continue
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, src)
        top = rel.split(os.sep)[0].removesuffix(".rs")
        if top in ("lib", "lab"):
            continue
        code = strip_tests(open(path, encoding="utf-8").read())
        code = re.sub(r"//[^\n]*", "", code)
        refs = re.findall(r"crate::([a-z_]+)((?:::[a-z_]+)*)", code)
        for stage, rest in refs:
            if stage == top:
                continue
            if stage not in ORDER:
                # the crate root: only its request types
                continue
            edges.setdefault(top, set()).add(stage)
            if ORDER.index(stage) > ORDER.index(top):
                problems.append(f"{rel}: {top} uses the later stage {stage} (crate::{stage}{rest})")
            elif stage != "ground" and rest.count("::") >= 1 and rest.strip(":") and re.match(r"::[a-z_]+::", rest + "::") and rest.count("::") >= 2:
                problems.append(f"{rel}: reaches into {stage}'s internals (crate::{stage}{rest})")
        for root in re.findall(r"use crate::\{([^}]*)\}", code):
            for item in re.split(r"[,\s]+", root.strip()):
                if item and item not in ROOT_TYPES and item not in ORDER:
                    problems.append(f"{rel}: uses crate::{item} from the crate root")


def find_cycle():
    seen, stack = set(), []

    def visit(node):
        if node in stack:
            return stack[stack.index(node):] + [node]
        if node in seen:
            return None
        seen.add(node)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            cycle = visit(nxt)
            if cycle:
                return cycle
        stack.pop()
        return None

    for node in sorted(edges):
        cycle = visit(node)
        if cycle:
            return cycle
    return None


cycle = find_cycle()
if cycle:
    problems.append("circle: " + " -> ".join(cycle))
if "--edges" in sys.argv or problems:
    for stage in ORDER:
        print(f"{stage:10} uses {', '.join(sorted(edges.get(stage, ()), key=ORDER.index)) or '(nothing)'}")
for problem in problems:
    print("stage-imports:", problem)
if problems:
    sys.exit(1)
print(f"stage-imports: {len(ORDER)} stages, {sum(len(v) for v in edges.values())} edges, no circle, none against the flow")
