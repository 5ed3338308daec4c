"""A synthetic corpus of Vietnamese plans, programmes, directives and decisions, with its gold.

    python -m benchmarks.synth OUT_DIR --docs 10000 [--seed 1] [--body-kb 8]

Writes OUT_DIR/docs/NNNNNNN.txt and OUT_DIR/gold.jsonl (the shape of ../shared/eval/SCHEMA.md), the same
for the same seed. Issuers are the 63 provinces (people's committees, councils, Party committees and
departments) citing central instruments (Politburo, Central Committee, National Assembly, Government,
Prime Minister, ministries) drawn from a power law, so that a few resolutions are cited by thousands;
dates run over 2005-2025. Citations come in the styles of DOMAIN.md: full first mentions with the date
in words or digits, later short mentions, lists sharing their words, laws by name, "Căn cứ" clauses,
implementing titles and openings, chains through the province's own earlier documents, and line breaks
inside citations.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ingest.tables import PROVINCES

# Central issuers: (type, symbol pattern, issuer phrase as cited, normative: symbol carries the year)
CENTRAL = [
    ("Nghị quyết", "{n}-NQ/TW", "Bộ Chính trị", False),
    ("Nghị quyết", "{n}-NQ/TW", "Ban Chấp hành Trung ương", False),
    ("Kết luận", "{n}-KL/TW", "Bộ Chính trị", False),
    ("Chỉ thị", "{n}-CT/TW", "Ban Bí thư", False),
    ("Nghị quyết", "{n}/{y}/QH{k}", "Quốc hội", True),
    ("Nghị quyết", "{n}/NQ-CP", "Chính phủ", False),
    ("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", True),
    ("Quyết định", "{n}/QĐ-TTg", "Thủ tướng Chính phủ", False),
    ("Chỉ thị", "{n}/CT-TTg", "Thủ tướng Chính phủ", False),
    ("Công điện", "{n}/CĐ-TTg", "Thủ tướng Chính phủ", False),
    ("Thông tư", "{n}/{y}/TT-BTC", "Bộ Tài chính", True),
    ("Thông tư", "{n}/{y}/TT-BKHĐT", "Bộ Kế hoạch và Đầu tư", True),
]
LAWS = ["Luật Đầu tư công", "Luật Ngân sách nhà nước", "Luật Tổ chức chính quyền địa phương",
        "Luật Ban hành văn bản quy phạm pháp luật", "Luật Đất đai", "Luật Xây dựng", "Luật Đầu tư",
        "Luật Doanh nghiệp", "Luật Quy hoạch", "Luật Bảo vệ môi trường", "Luật Giáo dục",
        "Luật Phòng, chống tham nhũng"]
SUBJECTS = ["phục hồi và phát triển kinh tế - xã hội", "chuyển đổi số quốc gia", "phát triển nông nghiệp bền vững",
            "cải cách hành chính", "giải ngân vốn đầu tư công", "xây dựng nông thôn mới", "phòng, chống thiên tai",
            "phát triển kinh tế tư nhân", "bảo vệ môi trường", "đổi mới giáo dục và đào tạo",
            "phát triển nguồn nhân lực", "hội nhập quốc tế", "phát triển văn hóa", "bảo đảm an sinh xã hội"]
FILLER = ["Các sở, ban, ngành và địa phương tập trung triển khai đồng bộ các nhiệm vụ, giải pháp đã đề ra.",
          "Tăng cường công tác kiểm tra, giám sát, đôn đốc việc thực hiện; kịp thời tháo gỡ khó khăn, vướng mắc.",
          "Đẩy mạnh tuyên truyền, nâng cao nhận thức của cán bộ, đảng viên và nhân dân.",
          "Huy động và sử dụng hiệu quả các nguồn lực; ưu tiên bố trí vốn cho các dự án trọng điểm.",
          "Định kỳ hằng quý báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân để tổng hợp.",
          "Nâng cao chất lượng nguồn nhân lực, chú trọng đào tạo, bồi dưỡng đội ngũ cán bộ, công chức.",
          "Rà soát, hoàn thiện cơ chế, chính sách; cắt giảm thủ tục hành chính không cần thiết.",
          "Phối hợp chặt chẽ với các cơ quan liên quan trong quá trình tổ chức thực hiện."]
LOCAL = {  # local issuer: (type, symbol, heading lines, how another document cites it)
    "UBND": ("{n}/{t}-UBND", "ỦY BAN NHÂN DÂN\n{unit} {P}", "Ủy ban nhân dân {unit_l} {p}"),
    "TU": ("{n}-{t}/TU", "ĐẢNG BỘ {UNIT} {P}\n{UNIT_PARTY} ỦY", "{Unit_party} ủy {p}"),
    "HĐND": ("{n}/NQ-HĐND", "HỘI ĐỒNG NHÂN DÂN\n{unit} {P}", "Hội đồng nhân dân {unit_l} {p}"),
}
LOCAL_TYPES = [("Kế hoạch", "KH", "UBND", 0.45), ("Quyết định", "QĐ", "UBND", 0.15), ("Chỉ thị", "CT", "UBND", 0.1),
               ("Chương trình", "CTr", "TU", 0.15), ("Nghị quyết", "NQ", "HĐND", 0.15)]
CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}


@dataclass(eq=False)  # each is one instrument: compared and hashed by identity
class Instrument:
    """An instrument documents can cite, and how to cite it."""

    type: str
    number: str
    date: date
    issuer: str
    subject: str
    jurisdiction: str | None = None
    title: str | None = None  # a law cited by name
    weight: float = 1.0


@dataclass
class Citing:
    """What one generated document says about one instrument, for its gold."""

    instrument: Instrument
    relations: set[str] = field(default_factory=set)
    dated: bool = False


def central_pool(rng: random.Random, size: int) -> list[Instrument]:
    """Central instruments, the first ones cited most (weights follow a power law)."""
    counters: dict[tuple[str, int], int] = {}
    pool = []
    for rank in range(size):
        kind, pattern, issuer, _normative = CENTRAL[rng.randrange(len(CENTRAL))]
        day = date(2005, 1, 1) + timedelta(days=rng.randrange(365 * 20))
        key = (pattern, day.year if "TW" not in pattern else 0)
        counters[key] = counters.get(key, rng.randrange(1, 40)) + rng.randrange(1, 9)
        number = pattern.format(n=counters[key], y=day.year, k=13 + max(0, (day.year - 2011) // 5))
        pool.append(Instrument(kind, number, day, issuer, rng.choice(SUBJECTS), weight=1.0 / (rank + 1) ** 1.1))
    return pool


def law_pool(rng: random.Random) -> list[Instrument]:
    return [Instrument("Luật", "", date(2005 + rng.randrange(16), rng.randrange(1, 13), rng.randrange(1, 28)),
                       "Quốc hội", "", title=name) for name in LAWS]


def words_date(d: date, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.5:
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    if style < 0.8:
        return f"ngày {d.day:02d}/{d.month:02d}/{d.year}"
    return f"ngày {d.day}/{d.month}/{d.year}"


def full(i: Instrument, rng: random.Random, c: Citing, subject: bool = True) -> str:
    """The first, full mention: type, number, date, issuer, maybe the subject; sometimes a line break.
    Marks `c` dated when the mention gives the date."""
    if i.title:
        if rng.random() < 0.3:
            c.dated = True
            return f"{i.title} {words_date(i.date, rng)}"
        return i.title
    c.dated = True
    number = i.number
    if rng.random() < 0.05 and "-" in number:  # broken at a line end inside the symbol
        head, tail = number.rsplit("-", 1)
        number = f"{head}-\n{tail}"
    gap = "\n" if rng.random() < 0.05 else " "
    text = f"{i.type} số {number} {words_date(i.date, rng).replace(' ', gap, 1)} của {i.issuer}"
    return text + (f" về {i.subject}" if subject and rng.random() < 0.6 else "")


def short(i: Instrument, rng: random.Random) -> str:
    if i.title:
        return i.title
    return f"{i.type} số {i.number}" if rng.random() < 0.6 else f"{i.type} {i.number}"


def generate(out: Path, docs: int, seed: int = 1, body_kb: float = 8.0) -> None:
    """Write `docs` documents and their gold into `out`."""
    rng = random.Random(seed)
    pool = central_pool(rng, max(60, docs // 15))
    laws = law_pool(rng)
    local_docs: dict[str, list[Instrument]] = {p: [] for p in PROVINCES}
    counters: dict[tuple[str, str, int], int] = {}
    (out / "docs").mkdir(parents=True, exist_ok=True)
    with (out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for k in range(docs):
            record, text = _document(rng, pool, laws, local_docs, counters, body_kb)
            name = f"{k:07d}.txt"
            (out / "docs" / name).write_text(text, encoding="utf-8")
            record["source"] = name
            gold.write(json.dumps(record, ensure_ascii=False) + "\n")


def _document(rng, pool, laws, local_docs, counters, body_kb) -> tuple[dict, str]:
    province = PROVINCES[rng.randrange(len(PROVINCES))]
    kind, token, issuer_kind, _share = rng.choices(LOCAL_TYPES, weights=[t[3] for t in LOCAL_TYPES])[0]
    city = province in CITIES
    unit, unit_l = ("THÀNH PHỐ", "thành phố") if city else ("TỈNH", "tỉnh")
    day = date(2006, 1, 1) + timedelta(days=rng.randrange(365 * 20 - 30))
    counters[(province, token, day.year)] = counters.get((province, token, day.year), 0) + rng.randrange(1, 6)
    n = counters[(province, token, day.year)]
    symbol_pattern, heading, cited_as = LOCAL[issuer_kind]
    number = symbol_pattern.format(n=n, t=token)
    fmt = {"unit": unit, "UNIT": unit, "unit_l": unit_l, "P": province.upper(), "p": province,
           "UNIT_PARTY": "THÀNH" if city else "TỈNH", "Unit_party": "Thành" if city else "Tỉnh"}
    issuer = cited_as.format(**fmt)
    me = Instrument(kind, number, day, issuer, rng.choice(SUBJECTS), jurisdiction=province)

    older_central = [i for i in pool if i.date < day - timedelta(days=10)] or pool[:1]
    central_weights = [i.weight for i in older_central]
    cited: dict[int, Citing] = {}

    def cite(i: Instrument) -> Citing:
        return cited.setdefault(id(i), Citing(i))

    # What it carries out: a central instrument, or the province's own earlier programme (a chain).
    earlier = [d for d in local_docs[province] if d.date < day - timedelta(days=3)]
    if earlier and rng.random() < 0.25:
        parent = rng.choice(earlier[-20:])
    else:
        parent = rng.choices(older_central, weights=central_weights)[0]
    implements = rng.random() < 0.6
    title_subject = me.subject
    lines = [heading.format(**fmt), f"Số: {number}",
             f"{province}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}", "", kind.upper()]
    if implements and kind in ("Kế hoạch", "Chương trình", "Chỉ thị"):
        c = cite(parent)
        lines.append(f"Thực hiện {full(parent, rng, c, subject=False)}")
        c.relations.add("implements")
        title = lines[-1]
    else:
        title = f"Về {title_subject}"
        lines.append(title)
    lines.append("")

    # The legal basis: laws by name, central instruments (a list sometimes), maybe the parent.
    basis = rng.sample(laws, rng.randrange(1, 3))
    basis += rng.choices(older_central, weights=central_weights, k=rng.randrange(1, 4))
    if not implements and rng.random() < 0.7:
        basis.append(parent)
    for i in dict.fromkeys(basis):
        c = cite(i)
        if not i.title and not c.dated and rng.random() < 0.15 and "/TW" in i.number:
            # a list sharing its words: two Party resolutions of the same issuer
            same = [j for j in older_central if j is not i and j.issuer == i.issuer and "/TW" in j.number
                    and j.type == i.type]
            if same:
                j = rng.choice(same)
                lines.append(f"Căn cứ các {i.type} số {i.number}, {j.number} của {i.issuer};")
                cite(j).relations.add("based_on")
                c.relations.add("based_on")
                continue
        lines.append(f"Căn cứ {full(i, rng, c) if not c.dated else short(i, rng)};")
        c.relations.add("based_on")
    if implements and kind not in ("Kế hoạch", "Chương trình", "Chỉ thị"):
        c = cite(parent)
        lines.append(f"Thực hiện {full(parent, rng, c, subject=False)}, {issuer} ban hành {kind.lower()} như sau:")
        c.relations.add("implements")
    lines.append("")

    # The body: filler, with later short mentions and a few new plain citations.
    target = int(body_kb * 1024)
    paragraphs = 0
    while sum(len(line.encode("utf-8")) for line in lines) < target:
        paragraphs += 1
        sentence = " ".join(rng.choice(FILLER) for _ in range(rng.randrange(2, 6)))
        if cited and rng.random() < 0.3:
            i = rng.choice(list(cited.values())).instrument
            sentence += f" Bám sát mục tiêu của {short(i, rng)}."
        elif rng.random() < 0.08:
            i = rng.choices(older_central, weights=central_weights)[0]
            if id(i) not in cited:
                sentence += f" Thực hiện đúng quy định tại {full(i, rng, cite(i))}."
        lines.append(f"{paragraphs}. {sentence}")
    lines += ["", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "",
              rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Minh Đức", "Hoàng Thu Hà"])]
    local_docs[province].append(me)

    citations = []
    for c in cited.values():
        i = c.instrument
        citations.append({
            "type": i.type, "number": i.number or None, "date": i.date.isoformat() if c.dated else None,
            "issuer": i.issuer, "jurisdiction": i.jurisdiction, "title": i.title,
            "relations": sorted(c.relations),
        })
    record = {"document": {"type": kind, "number": number, "date": day.isoformat(), "jurisdiction": province,
                           "issuer": issuer, "signer": lines[-1], "title": title}, "citations": citations}
    return record, "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--body-kb", type=float, default=8.0)
    args = parser.parse_args()
    generate(args.out, args.docs, args.seed, args.body_kb)


if __name__ == "__main__":
    main()
