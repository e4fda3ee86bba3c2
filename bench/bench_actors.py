"""Accuracy and speed of actor resolution (country and sector) on two public sets in ../shared/data:

- ngec/actor_resolution_tests.py.txt: the NGEC test file, read as data (parsed with `ast`, never run): each
  `agent_to_code(...)` / `short_text_to_agent(...)` / `search_nat(...)` call with the country and sector (`code_1`)
  its asserts expect;
- plover/PLOVER_GSR_CAMEO.json: the source/target `actorText` of each gold record with its `code` and `sector`.

Each actor phrase is resolved alone with `flashpoint.extract.actors.resolve`. Conventions are mapped, not tuned:
UNO/EUR/IGO all mean our IGO; an NGO or transnational code (NGO, IMG, ISM) means no country; CAMEO-era sector
spellings are normalised (CIV -> CVL, HLH -> MED, REBkur -> REB); "***" and non-PLOVER codes are not scored.

Run: PYTHONPATH=src python bench/bench_actors.py [--errors]
"""

from __future__ import annotations

import ast
import contextlib
import json
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
           "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "NGO", "IGO"}
SECTOR_ALIASES = {"CIV": "CVL", "HLH": "MED", "INS": "REB", "SEP": "REB"}
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO", "KOS": "XKX"}
NO_COUNTRY = {"", "NGO", "IMG", "ISM", "MNC"}

# Sentences written for this benchmark (news style, not taken from any data set), for the speed figure.
OWN_SENTENCES = [
    'Police in Nairobi fired tear gas at hundreds of opposition supporters who had gathered outside parliament'
    ' on Tuesday.',
    'Russian President Vladimir Putin said on Friday that Moscow would respond to any attack on its territory.',
    'The Israeli military said its aircraft struck dozens of targets in the Gaza Strip overnight.',
    'At least 12 people were killed when gunmen opened fire on a market in northern Nigeria, local officials said.',
    "Ukraine's foreign minister met his Polish counterpart in Warsaw to discuss grain exports.",
    'The United Nations Security Council will hold an emergency meeting on the crisis in Sudan next week.',
    'Thousands of protesters marched through the capital demanding the resignation of the prime minister.',
    "Chinese warships conducted drills near Taiwan for the second day, the island's defence ministry said.",
    'The European Union agreed on Monday to impose new sanctions on Iran over its nuclear programme.',
    'A court in Istanbul sentenced a prominent journalist to three years in prison for insulting the president.',
    'Rebels from the M23 group seized two towns in eastern Congo, according to the army.',
    'The White House said the president would travel to Brussels for a NATO summit in July.',
    'Security forces arrested 45 students after clashes at the University of Khartoum.',
    'Al-Shabaab militants attacked a military base near Mogadishu, killing at least ten soldiers.',
    "Pakistan's army chief held talks with the Afghan Taliban on border security.",
    'The World Health Organization warned that cholera cases were rising sharply across the region.',
    'Indian and Chinese troops clashed along the disputed border in the Himalayas.',
    "Mexico's president said the government would deploy the National Guard to Sinaloa.",
    'The Kremlin dismissed the report as fake news, spokesman Dmitry Peskov told reporters.',
    'French farmers blocked highways around Paris with tractors to protest against cheap imports.',
    'The opposition leader was detained by police hours before a planned rally in Kampala.',
    'Hezbollah fired rockets into northern Israel, and the Israeli army responded with artillery.',
    'Japanese Prime Minister Fumio Kishida pledged to increase defence spending.',
    "Workers at the country's largest car factory went on strike over pay, the union said.",
    'Amnesty International accused the authorities of torturing detainees in secret prisons.',
    'Turkish drones struck Kurdish militants in northern Iraq, the defence ministry in Ankara said.',
    'The IMF approved a loan of 3 billion dollars for Egypt after months of negotiations.',
    'Venezuelan authorities released five American citizens in a prisoner swap with Washington.',
    'Houthi rebels claimed responsibility for an attack on a commercial ship in the Red Sea.',
    "The Supreme Court ruled that the election results were valid, rejecting the opposition's appeal.",
    'South Korean President Yoon Suk Yeol declared martial law late on Tuesday night.',
    'Thousands of refugees fled across the border into Chad after fighting in Darfur.',
    'The governor of the central bank resigned after the currency fell to a record low.',
    'Ethiopian federal forces and Tigrayan fighters signed a ceasefire in Pretoria.',
    "Germany's chancellor said Berlin would send more air defence systems to Kyiv.",
    'A suicide bomber killed 20 worshippers at a mosque in Peshawar on Friday.',
    'The Saudi-led coalition said it had intercepted a missile fired toward Riyadh.',
    'Lawmakers in the lower house voted 230 to 190 to approve the budget.',
    'Police said they had arrested three suspects in connection with the bombing.',
    'Iranian state media reported that the Revolutionary Guards seized a tanker in the Gulf.',
    'The Brazilian government announced a crackdown on illegal mining in the Amazon.',
    'Doctors and nurses at public hospitals began an indefinite strike on Monday.',
    'US Secretary of State Antony Blinken arrived in Beijing for talks with Chinese officials.',
    'Masked men abducted a local mayor in the state of Guerrero, prosecutors said.',
    'The ruling party won a majority in parliament, according to preliminary results.',
    'Greek coast guard officers rescued 80 migrants from a sinking boat off Lesbos.',
    "Myanmar's military junta extended the state of emergency by another six months.",
    'Kenyan President William Ruto fired most of his cabinet after weeks of protests.',
    'The African Union suspended Niger after soldiers detained President Mohamed Bazoum.',
    'Hamas said it had accepted an Egyptian proposal for a ceasefire in Gaza.',
    'Israeli Prime Minister Benjamin Netanyahu rejected the proposal as unacceptable.',
    'The Pentagon said two US service members were wounded in a drone attack in Syria.',
    'Villagers said the soldiers burned dozens of homes before withdrawing.',
    'Colombian President Gustavo Petro announced a ceasefire with the ELN rebels.',
    'The UN refugee agency said more than a million people had been displaced since April.',
    'Police used water cannon to disperse crowds in Tbilisi protesting against the foreign agent law.',
    'The Nigerian army said it had rescued 40 schoolchildren kidnapped by bandits in Zamfara.',
    'Thai police charged a prominent activist with insulting the monarchy.',
    'The Serbian president accused Kosovo of provoking violence in the north.',
    "The prosecutor's office in Moscow requested a 20-year sentence for the journalist.",
    'Two Indonesian soldiers were killed in a clash with separatist rebels in Papua.',
    'Demonstrators threw stones at riot police, who responded with rubber bullets.',
    'The Pakistani foreign office summoned the Afghan envoy over cross-border attacks.',
    "Burkina Faso's military government expelled three French diplomats.",
    "Sudan's army and the Rapid Support Forces agreed to a 72-hour truce brokered by Washington and Riyadh.",
    'The judge ordered the former president to stand trial on corruption charges.',
    'Election officials said turnout was the lowest since 1990.',
    "Britain's Foreign Secretary David Lammy called for an immediate ceasefire.",
    'Israeli settlers attacked a Palestinian village near Nablus, residents said.',
    'The North Korean leader oversaw the test of a new intercontinental ballistic missile.',
    'Striking miners clashed with security guards at a platinum mine near Johannesburg.',
    'The Philippine coast guard accused Chinese vessels of firing water cannon at its ships.',
    'Officials in Kabul said the Taliban government would not allow girls to return to school.',
    'A Russian missile strike on Kharkiv killed six civilians and injured 40, the mayor said.',
    'The ICC issued an arrest warrant for the Israeli prime minister and his former defence minister.',
    'Canada expelled an Indian diplomat over the killing of a Sikh activist.',
    'Moscow accused Kyiv of shelling a nuclear power plant.',
    'The Egyptian foreign ministry condemned the attack and called for restraint.',
    'Protesters stormed the presidential palace in Colombo, forcing the president to flee.',
    'Nigerian police said gunmen killed a traditional ruler in Kaduna state.',
    'Zelensky thanked Washington for the new military aid package.',
    'The French interior minister said 1,300 people were arrested during the riots.',
    'Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by Beijing.',
    'Cuban authorities detained dozens of protesters in Havana over food shortages.',
    'The Syrian Observatory for Human Rights said airstrikes killed 12 fighters near Idlib.',
    'Trade unions called a general strike against the pension reform.',
    'The Taliban executed a man in public in Kandahar province, a spokesman said.',
    'Lebanese authorities arrested a man suspected of planning an attack on the US embassy in Beirut.',
    'A Chinese court sentenced an Australian writer to death with a two-year reprieve.',
    'Polish border guards said they had stopped 200 migrants trying to cross from Belarus.',
    'The Venezuelan opposition said security forces had arrested one of its candidates.',
    "South Africa's ruling ANC lost its majority for the first time since 1994.",
    'Ugandan soldiers killed 30 ADF militants in an operation in eastern Congo.',
]


def norm_country(code: str | None) -> str:
    code = (code or "").strip().upper()
    code = COUNTRY_ALIASES.get(code, code)
    return "" if code in NO_COUNTRY else code


def norm_sector(code: str | None) -> str | None:
    """PLOVER sector of a gold code; None when the gold code is not scoreable."""
    if code is None:
        return None
    code = code.strip()[:3].upper()
    code = SECTOR_ALIASES.get(code, code)
    if code == "":
        return ""
    return code if code in SECTORS else None


def _date(value: str | None) -> str | None:
    if not value or value.strip().lower() in ("today", ""):
        return None
    try:
        from dateutil import parser

        return parser.parse(value).date().isoformat()
    except (ImportError, ValueError, OverflowError):
        return None


# ---------------------------------------------------------------- NGEC test file as data

def _const(node: ast.AST, env: dict) -> object:
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in env:
        return env[node.value.id].get(ast.literal_eval(node.slice))
    if isinstance(node, ast.Name) and node.id in env:
        return env[node.id]
    return ast.literal_eval(node)


def ngec_cases(path: Path) -> list[dict]:
    """[{text, date, country: set|None, sector: set|None, none: bool}] from the asserts of the NGEC test file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lists = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            with contextlib.suppress(ValueError):
                lists[node.targets[0].id] = ast.literal_eval(node.value)  # type: ignore[attr-defined]
    cases: list[dict] = []
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("test"):
            continue
        marks = [ast.unparse(d) for d in fn.decorator_list]
        if any("xfail" in m or "skip" in m for m in marks):
            continue
        params: dict[str, list] = {}
        for d in fn.decorator_list:
            if isinstance(d, ast.Call) and ast.unparse(d.func).endswith("parametrize"):
                name = ast.literal_eval(d.args[0])
                values = d.args[1]
                params[name] = lists.get(values.id, []) if isinstance(values, ast.Name) else ast.literal_eval(values)
        texts = next(iter(params.values())) if params else [None]
        for ptext in texts:
            env: dict = {}
            current: dict | None = None
            for stmt in ast.walk(fn):
                if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                    target = stmt.targets[0].id
                    if isinstance(stmt.value, ast.Dict):
                        env[target] = ast.literal_eval(stmt.value)
                        continue
                    call = stmt.value
                    if not isinstance(call, ast.Call):
                        continue
                    func = ast.unparse(call.func)
                    if not any(func.endswith(f) for f in ("agent_to_code", "short_text_to_agent", "search_nat")):
                        continue
                    arg = call.args[0]
                    try:
                        text = ptext if isinstance(arg, ast.Name) and arg.id in params else _const(arg, env)
                        date = _const(call.args[2], env) if len(call.args) >= 3 else None
                        for kw in call.keywords:
                            if kw.arg == "query_date":
                                date = _const(kw.value, env)
                    except ValueError:  # a loop variable: the same list is tested by a parametrised test
                        current = None
                        continue
                    current = {"text": str(text), "date": _date(date if isinstance(date, str) else None),
                               "country": None, "sector": None, "none": False, "fn": fn.name}
                    cases.append(current)
                elif isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Tuple):
                    call = stmt.value
                    if isinstance(call, ast.Call) and ast.unparse(call.func).endswith("search_nat"):
                        current = {"text": str(_const(call.args[0], env)), "date": None, "country": None,
                                   "sector": None, "none": False, "fn": fn.name}
                        cases.append(current)
                elif isinstance(stmt, ast.Assert) and current is not None:
                    test = stmt.test
                    if isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Is):
                        current["none"] = True
                        continue
                    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
                        current["none"] = True
                        continue
                    if not (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq)):
                        continue
                    left = ast.unparse(test.left)
                    try:
                        value = _const(test.comparators[0], env)
                    except ValueError:
                        continue
                    if not isinstance(value, str):
                        continue
                    if left in ("code['country']", "cc"):
                        current["country"] = (current["country"] or set()) | {norm_country(value)}
                    elif left == "code['code_1']":
                        s = norm_sector(value)
                        if s is not None:
                            current["sector"] = (current["sector"] or set()) | {s}
    return [c for c in cases if c["country"] is not None or c["sector"] is not None or c["none"]]


# ---------------------------------------------------------------- PLOVER gold records

def gsr_cases(path: Path) -> list[dict]:
    cases = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        for role in ("source", "target"):
            for a in rec.get(role) or []:
                if not isinstance(a, dict) or not a.get("actorText", "").strip():
                    continue
                sector = norm_sector(a.get("sector", ""))
                if a.get("sector", "") == "***":
                    sector = None
                cases.append({"text": a["actorText"].strip(), "date": None,
                              "country": {norm_country(a.get("code"))}, "sector": {sector} if sector is not None
                              else None, "none": False, "sentence": rec.get("text", "")})
    return cases


# ---------------------------------------------------------------- scoring

def score(cases: list[dict], show_errors: bool) -> dict:
    from flashpoint.extract.actors import resolve

    stats = {"n": len(cases), "country": [0, 0], "sector": [0, 0], "none": [0, 0], "both": [0, 0]}
    for c in cases:
        a = resolve(c["text"], c["date"])
        country = norm_country(a.country) if a else ""
        sector = (a.sector or "") if a else ""
        errs = []
        if c["none"]:
            stats["none"][1] += 1
            ok = a is None
            stats["none"][0] += ok
            if not ok:
                errs.append("expected no actor")
        if c["country"] is not None:
            stats["country"][1] += 1
            ok = country in c["country"]
            stats["country"][0] += ok
            if not ok:
                errs.append(f"country {country or '-'} != {'|'.join(sorted(x or '-' for x in c['country']))}")
        if sector in ("IGO", "NGO"):
            sector = ""  # our stand-in for "no sub-state sector" of international bodies
        if c["sector"] is not None:
            stats["sector"][1] += 1
            ok = sector in c["sector"]
            stats["sector"][0] += ok
            if not ok:
                errs.append(f"sector {sector or '-'} != {'|'.join(sorted(x or '-' for x in c['sector']))}")
        if c["country"] is not None and c["sector"] is not None:
            stats["both"][1] += 1
            stats["both"][0] += country in c["country"] and sector in c["sector"]
        if errs and show_errors:
            print(f"  {c['text']!r:60} {'; '.join(errs)}")
    return stats


def speed(texts: list[str], rounds: int = 5) -> float:
    """Microseconds of CPU per sentence for find_actors (knowledge base already loaded), best of `rounds`."""
    from flashpoint.extract.actors import find_actors

    find_actors("warm up")
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            find_actors(t)
        best = min(best, time.process_time() - t0)
    return best / max(len(texts), 1) * 1e6


def main() -> int:
    show = "--errors" in sys.argv
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    print(f"speed: {speed(OWN_SENTENCES * 3):.1f} µs per sentence over {len(OWN_SENTENCES)} own news-style sentences")
    ngec = DATA / "ngec" / "actor_resolution_tests.py.txt"
    gsr = DATA / "plover" / "PLOVER_GSR_CAMEO.json"
    if not DATA.is_dir() or not (ngec.exists() or gsr.exists()):
        print("skipped: ../shared/data not found")
        return 0
    rows = []
    sentences: list[str] = []
    if ngec.exists():
        if show:
            print("NGEC errors:")
        rows.append(("NGEC actor tests", score(ngec_cases(ngec), show)))
    if gsr.exists():
        cases = gsr_cases(gsr)
        if show:
            print("PLOVER GSR errors:")
        rows.append(("PLOVER GSR actor texts", score(cases, show)))
        sentences = list(dict.fromkeys(c["sentence"] for c in cases if c["sentence"]))

    def pct(pair: list[int]) -> str:
        return f"{pair[0] / pair[1]:6.1%} ({pair[0]}/{pair[1]})" if pair[1] else "     -"

    print(f"{'set':26} {'phrases':>7}  {'country':>17}  {'sector':>17}  {'both':>17}  {'no-actor':>13}")
    for name, s in rows:
        print(f"{name:26} {s['n']:7d}  {pct(s['country']):>17}  {pct(s['sector']):>17}  {pct(s['both']):>17}  "
              f"{pct(s['none']):>13}")
    if sentences:
        print(f"speed: {speed(sentences):.1f} µs per sentence over {len(sentences)} PLOVER GSR sentences")
    plv = DATA / "plv" / "PLV_train.tsv"
    if plv.exists():
        import csv

        csv.field_size_limit(1 << 30)
        with plv.open(encoding="utf-8", newline="") as f:
            news = [r["sentence"] for r in csv.DictReader(f, delimiter="\t") if r.get("sentence")]
        print(f"speed: {speed(news):.1f} µs per sentence over {len(news)} PLV news sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
