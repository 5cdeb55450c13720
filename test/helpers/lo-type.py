#!/usr/bin/python3
"""
Types values into the unit forms with LibreOffice Calc (headless, over UNO), as a person
working in a given locale would, then saves each form as xlsx (Calc MS Excel 2007 XML).

Needs LibreOffice Calc and python3-uno (Debian: the system /usr/bin/python3, not a pyenv or venv one).
Usage: /usr/bin/python3 lo-type.py SPEC.json
SPEC = {
  "locale": "vi-VN" | "en-US",
  "profile": "/tmp/.../profile",          # a fresh LibreOffice user profile (made here)
  "mode": "local" | "dispatch" | "api",   # how text is put in a cell, see put()
  "files": [{"in": "a.xlsx", "out": "b.xlsx", "sheet": "Tự chấm", "locale": "en-US" (optional),
             "cells": [{"key": "ngay_gui", "col": "D", "type": "20/01/2021"}, ...]}]
}
The session starts with the profile set to SPEC's locale. A file with a locale of its own is
opened after the locale setting is changed to it, as Tools › Options › Language Settings ›
Languages changes it (the configuration, committed; no restart), and the files after it keep it:
one start of LibreOffice serves both locales, starting it being most of a run's time.
Prints one JSON object: per cell what LibreOffice made of the text (a number or a text, its
value, the number format, the cell to its right as shown), the locale the profile had at the
start and each file's locale as read back from the configuration before it was opened, timings.

"local": the cell's FormulaLocal property: the string is interpreted as typed in the UI, with
  the locale's decimal separator and date patterns (what a person typing gets).
"dispatch": .uno:EnterString on the document's view (the UI's own input path).
"api": XCell.setFormula, which parses as en-US whatever the locale (for comparison only).
"""
import json, os, shutil, signal, subprocess, sys, time, uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE = os.environ.get("SOFFICE", "soffice")


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def write_profile(profile, locale):
    shutil.rmtree(profile, ignore_errors=True)  # a fresh profile every run (a crashed run leaves one that loads nothing)
    user = os.path.join(profile, "user")
    os.makedirs(user, exist_ok=True)
    # Tools › Options › Language Settings › Languages: "Locale setting" is ooSetupSystemLocale;
    # ooLocale is the interface language (only en-US is installed; kept en-US so no fallback noise).
    # The document default language (Western) follows the locale too.
    xcu = f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(xcu)


def start(profile):
    pipe = "rt_" + uuid.uuid4().hex[:12]
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")  # the locale comes from the profile only
    proc = subprocess.Popen(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    # soffice (a script) starts oosplash, which starts soffice.bin: all in this process group. Its id is written
    # beside the profile so that a caller whose timeout killed this script can end the group.
    with open(profile.rstrip("/") + ".pgid", "w") as f:
        f.write(str(proc.pid))
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return proc, ctx
        except NoConnectException:
            if proc.poll() is not None or time.time() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                raise RuntimeError("soffice did not accept a connection")
            time.sleep(0.2)


def config_locale(ctx):
    cp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    acc = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Setup/L10N"),))
    return acc.getByName("ooSetupSystemLocale")


def set_locale(ctx, locale):
    """The locale setting changed as the Options dialog changes it: the configuration, committed."""
    cp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    for path, name in (("/org.openoffice.Setup/L10N", "ooSetupSystemLocale"), ("/org.openoffice.Office.Linguistic/General", "DefaultLocale")):
        upd = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", path),))
        upd.replaceByName(name, locale)
        upd.commitChanges()


def row_of(sheet, key):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.getRangeAddress().EndRow
    for r in range(last + 1):
        if sheet.getCellByPosition(0, r).getString() == key:
            return r
    raise KeyError(key)


def nth_row_of(sheet, key, n):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.getRangeAddress().EndRow
    seen = 0
    for r in range(last + 1):
        if sheet.getCellByPosition(0, r).getString() == key:
            if seen == n:
                return r
            seen += 1
    raise KeyError(f"{key}#{n}")


def put(ctx, doc, sheet, cell, ref, text, mode):
    if mode == "local":
        cell.setPropertyValue("FormulaLocal", text)
    elif mode == "api":
        cell.setFormula(text)
    elif mode == "dispatch":
        ctl = doc.getCurrentController()
        ctl.setActiveSheet(sheet)
        ctl.select(cell)
        disp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        disp.executeDispatch(ctl.getFrame(), ".uno:EnterString", "", 0, (prop("StringName", text),))
    else:
        raise ValueError(mode)


def describe(doc, sheet, cell, row, col_index):
    t = cell.getType().value  # com.sun.star.table.CellContentType
    kind = {"VALUE": "number", "TEXT": "text", "EMPTY": "empty", "FORMULA": "formula"}.get(t, t)
    key = cell.getPropertyValue("NumberFormat")
    fmt = doc.getNumberFormats().getByKey(key)
    loc = fmt.getPropertyValue("Locale")
    right = sheet.getCellByPosition(col_index + 1, row)
    return {
        "kind": kind,
        "value": cell.getValue() if kind == "number" else None,
        "shown": cell.getString(),
        "format": fmt.getPropertyValue("FormatString"),
        "formatLocale": f"{loc.Language}-{loc.Country}",
        "right": right.getString(),
    }


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    # A killed script (the test's timeout sends SIGTERM) still ends its soffice.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    profile = spec["profile"]
    write_profile(profile, spec["locale"])
    out = {"locale": spec["locale"], "mode": spec["mode"], "files": []}
    t0 = time.time()
    proc, ctx = start(profile)
    out["startSeconds"] = round(time.time() - t0, 2)
    try:
        out["profileLocale"] = config_locale(ctx)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        current = spec["locale"]
        for f in spec["files"]:
            t1 = time.time()
            if f.get("locale", current) != current:
                current = f["locale"]
                set_locale(ctx, current)
            locale = config_locale(ctx)
            # Hidden: the -nogui packages have no window to show (a visible load ends soffice); the view and its
            # dispatcher exist all the same, so "dispatch" works on a hidden document.
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(f["in"])), "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise RuntimeError(f"LibreOffice did not open {f['in']}")
            sheet = doc.getSheets().getByName(f["sheet"])
            cells = []
            for c in f["cells"]:
                row = nth_row_of(sheet, c["key"], c.get("n", 0))
                col = ord(c["col"]) - 65
                cell = sheet.getCellByPosition(col, row)
                put(ctx, doc, sheet, cell, f"{c['col']}{row + 1}", c["type"], spec["mode"])
                doc.calculateAll()
                cells.append({"key": c["key"], "ref": f"{c['col']}{row + 1}", "typed": c["type"], **describe(doc, sheet, cell, row, col)})
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(f["out"])), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
            out["files"].append({"out": f["out"], "locale": locale, "seconds": round(time.time() - t1, 2), "cells": cells})
    finally:
        try:
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    out["totalSeconds"] = round(time.time() - t0, 2)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
