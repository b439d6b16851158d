"""Concordance in a script written without spaces, on a large memory: Chinese is matched as characters
(README, "Other languages"), which reads every unit when few hold the text.

    .venv/bin/python bench/cjk_concordance.py [--units 1000000] [--work /tmp/tmtool-cjk]

Builds (once) a TMX of zh-Hans–English units whose Chinese sentences are drawn from thirty common words
of NATO news, imports it into a SQLite store, then times `tmtool tm concordance` as a person runs it (a
process each, start-up included) for words every tenth unit holds, a rare phrase and an absent word.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import measured  # noqa: E402

WORDS = ("北约 部长 今天 开会 讨论 网络 防御 安全 合作 伙伴 国家 军事 委员会 秘书长 会议 布鲁塞尔 联盟 支持 乌克兰 演习 "
         "海上 空中 防务 能力 发展 计划 总部 代表 决定 加强").split()
QUERIES = ("北约", "秘书长", "网络防御", "乌克兰演习海上空中", "日本")


def write_tmx(path: Path, units: int) -> None:
    rng = random.Random(5)
    with path.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" '
                'creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en" srclang="zh-Hans" '
                'datatype="plaintext"/><body>\n')
        for i in range(units):
            chinese = "".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + "。"
            f.write(f'<tu><tuv xml:lang="zh-Hans"><seg>{chinese}</seg></tuv><tuv xml:lang="en-GB"><seg>Unit {i} of '
                    f'the memory.</seg></tuv></tu>\n')
        f.write("</body></tmx>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-cjk"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    tmx, db = args.work / f"zh-{args.units}.tmx", args.work / f"zh-{args.units}.db"
    tmtool = [sys.executable, "-m", "tmtool.cli", "--db", str(db)]
    if not db.exists():
        write_tmx(tmx, args.units)
        imported = measured([*tmtool, "-q", "import", str(tmx)])
        print(f"import of {args.units:,} units: {imported['wall']:.1f} s wall, {imported['cpu']:.1f} s CPU")
    print("| query | limit | wall s | CPU s |\n|---|---|---|---|")
    for query in QUERIES:
        for limit in (5, 20):
            run = measured([*tmtool, "tm", "concordance", "--limit", str(limit), query], ok=(0, 1))
            print(f"| {query} | {limit} | {run['wall']:.2f} | {run['cpu']:.2f} |")


if __name__ == "__main__":
    main()
