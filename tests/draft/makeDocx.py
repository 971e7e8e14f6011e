# Makes a Word file from an appendix in the seeds' text form, as the appendix itself is laid out:
# paragraphs outside the table for lines without a tab, a two-column table for the rest,
# <i>…</i> as italic runs. Usage: python3 makeDocx.py IN.txt OUT.docx
import re
import sys

import docx

text = open(sys.argv[1], encoding="utf-8").read()
document = docx.Document()
table = None


def fill(paragraph, cell_text):
    for k, part in enumerate(re.split(r"</?i>", cell_text)):
        if part:
            paragraph.add_run(part).italic = k % 2 == 1


for line in text.split("\n"):
    if "\t" in line:
        first, second = line.split("\t", 1)
        if table is None:
            table = document.add_table(rows=0, cols=2)
        row = table.add_row()
        fill(row.cells[0].paragraphs[0], first)
        fill(row.cells[1].paragraphs[0], second)
    elif line.strip() == "" and table is not None:
        table.add_row()
    else:
        table = None
        fill(document.add_paragraph(), line)
document.save(sys.argv[2])
