#!/usr/bin/env python3
"""
Fills unit forms with openpyxl, as a script or a pandas user would: opens each form, puts values
in the cells of rows found by their column-A key, saves it. Needs openpyxl (Debian: python3-openpyxl).

Usage: python3 openpyxl-fill.py SPEC.json
SPEC = {"files": [{"in": "a.xlsx", "out": "b.xlsx", "sheet": "Tự chấm",
                   "cells": [{"key": "ngay_gui", "col": "D", "n": 0, "value": {"datetime": "2021-01-20"}}]}]}
A value is one of {"datetime": "YYYY-MM-DD"} (a datetime at midnight), {"date": "YYYY-MM-DD"},
{"number": 9.5}, {"text": "..."} (a string as written, e.g. "2021-01-20").
Prints the openpyxl version.
"""
import datetime as dt
import json
import sys

import openpyxl
from openpyxl import load_workbook


def value(v):
    if "datetime" in v:
        return dt.datetime.fromisoformat(v["datetime"])
    if "date" in v:
        return dt.date.fromisoformat(v["date"])
    if "number" in v:
        return float(v["number"])
    return str(v["text"])


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    for f in spec["files"]:
        wb = load_workbook(f["in"])
        ws = wb[f["sheet"]]
        for c in f["cells"]:
            rows = [cell.row for cell in ws["A"] if cell.value == c["key"]]
            ws[f"{c['col']}{rows[c.get('n', 0)]}"] = value(c["value"])
        wb.save(f["out"])
    print(json.dumps({"openpyxl": openpyxl.__version__}))


if __name__ == "__main__":
    main()
