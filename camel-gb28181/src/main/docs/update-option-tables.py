#!/usr/bin/env python3
"""Rewrites the option and header tables of gb28181-component.adoc from the generated metadata.

Run after `mvn process-classes` whenever an option or header changes (ComponentDocumentationTest fails until then):
    python3 camel-gb28181/src/main/docs/update-option-tables.py
"""
import json
import pathlib
import re

here = pathlib.Path(__file__).resolve().parent
meta = json.loads((here.parent.parent / "generated/resources/META-INF/io/github/camelgb28181/gb28181.json").read_text())
adoc_path = here / "gb28181-component.adoc"


def options(props):
    rows = ['[width="100%",cols="2,5,^1,2",options="header"]', "|===", "| Name | Description | Default | Type"]
    for name, p in props.items():
        desc = p.get("description", "").replace("|", "\\|")
        rows.append(f"| *{name}* ({p.get('group', 'common')}) | {desc} | {p.get('defaultValue', '')} | {p.get('type', '')}")
    rows.append("|===")
    return "\n".join(rows)


def headers(props):
    rows = ['[width="100%",cols="2,5,2",options="header"]', "|===", "| Name | Description | Type"]
    for name, p in props.items():
        rows.append(f"| `{name}` | {p.get('description', '')} | {p.get('javaType', '')}")
    rows.append("|===")
    return "\n".join(rows)


def replace_table(text, heading, table):
    pattern = re.compile(r"(== " + re.escape(heading) + r"\n(?:.*\n)*?)(\[width=\"100%\".*?\n\|===\n(?:.*\n)*?\|===)",
                         re.MULTILINE)
    new, count = pattern.subn(lambda m: m.group(1) + table, text, count=1)
    if count != 1:
        raise SystemExit(f"no table under '== {heading}'")
    return new


text = adoc_path.read_text()
text = replace_table(text, "Component options", options(meta["componentProperties"]))
text = replace_table(text, "Endpoint options", options(meta["properties"]))
text = replace_table(text, "Message headers", headers(meta["headers"]))
adoc_path.write_text(text)
print("updated", adoc_path)
