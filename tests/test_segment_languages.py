"""Sentence segmentation of the organisation's other languages with the shipped SRX rules: the final
punctuation each writes (。！？ without a space, ؟, the Greek question mark), Spanish ¿ ¡ openings,
scripts without capitals, and the abbreviations and ordinals that do not end a sentence."""

from __future__ import annotations

import pytest

from tmtool.text.segment import segment_text

CASES = [
    ("zh-Hans", "北约部长今天在布鲁塞尔开会。他们讨论了网络防御！会议明天结束吗？是的。",
     ["北约部长今天在布鲁塞尔开会。", "他们讨论了网络防御！", "会议明天结束吗？", "是的。"]),
    ("zh", "他说：“我们会来的。”然后他走了。", ["他说：“我们会来的。”", "然后他走了。"]),
    ("ja", "会議は東京で開かれた。参加者は三十人だった！次はいつですか？来月です。",
     ["会議は東京で開かれた。", "参加者は三十人だった！", "次はいつですか？", "来月です。"]),
    ("ja", "「行きます。」と彼は言った。「はい。」って答えた。", ["「行きます。」と彼は言った。", "「はい。」って答えた。"]),
    ("ar", "عقد الوزراء اجتماعا في بروكسل. هل سيعودون غدا؟ نعم، سيعودون في الصباح.",
     ["عقد الوزراء اجتماعا في بروكسل.", "هل سيعودون غدا؟", "نعم، سيعودون في الصباح."]),
    ("ar", "قال الوزير: «سنعود». ثم غادر.", ["قال الوزير: «سنعود».", "ثم غادر."]),
    ("el", "Πού είναι η συνάντηση; Είναι στις Βρυξέλλες.", ["Πού είναι η συνάντηση;", "Είναι στις Βρυξέλλες."]),
    ("el", "Ποιος έρχεται\u037e Ο κ. Παπαδόπουλος.", ["Ποιος έρχεται\u037e", "Ο κ. Παπαδόπουλος."]),
    ("es", "La reunión terminó. ¿Vendrán mañana? ¡Claro que sí! El Sr. García y la Dra. López también.",
     ["La reunión terminó.", "¿Vendrán mañana?", "¡Claro que sí!", "El Sr. García y la Dra. López también."]),
    ("de", "Die Feier findet am 3. Oktober statt. Der 2. Weltkrieg endete 1945. Das gilt z. B. für Berlin.",
     ["Die Feier findet am 3. Oktober statt.", "Der 2. Weltkrieg endete 1945.", "Das gilt z. B. für Berlin."]),
    ("de-AT", "Siehe Nr. 5 der Liste, bzw. Anhang B. Dr. Müller spricht im 20. Jahrhundert. Ende 2021. Neu.",
     ["Siehe Nr. 5 der Liste, bzw. Anhang B.", "Dr. Müller spricht im 20. Jahrhundert.", "Ende 2021.", "Neu."]),
    ("it", "La riunione è finita. Il Sig. Rossi è arrivato, vedi art. 5. Il dott. Bianchi no.",
     ["La riunione è finita.", "Il Sig. Rossi è arrivato, vedi art. 5.", "Il dott. Bianchi no."]),
    ("pl", "Spotkanie odbyło się w 2021 r. w Warszawie. Prof. Nowak mówił, np. Kowalski też. Koniec.",
     ["Spotkanie odbyło się w 2021 r. w Warszawie.", "Prof. Nowak mówił, np. Kowalski też.", "Koniec."]),
    ("ru", "Встреча прошла в 1990 г. Новый год начался. Т. е. все были там, т. е. Иванов тоже. Проф. Петров выступил.",
     ["Встреча прошла в 1990 г.", "Новый год начался.", "Т. е. все были там, т. е. Иванов тоже.",
      "Проф. Петров выступил."]),
    ("uk", "Зустріч відбулася на вул. Хрещатик. Тобто всі були там.",
     ["Зустріч відбулася на вул. Хрещатик.", "Тобто всі були там."]),
    ("tr", "Toplantı İstanbul'da yapıldı. Dr. Yılmaz konuştu. İyi.", ["Toplantı İstanbul'da yapıldı.", "Dr. Yılmaz konuştu.", "İyi."]),
    ("he", "הפגישה הסתיימה. השרים חזרו.", ["הפגישה הסתיימה.", "השרים חזרו."]),
    ("hi", "बैठक समाप्त हुई। मंत्री लौट आए।", ["बैठक समाप्त हुई।", "मंत्री लौट आए।"]),
    ("ko", "회의가 끝났다. 장관들이 돌아왔다? 네.", ["회의가 끝났다.", "장관들이 돌아왔다?", "네."]),
    ("hy", "Հանդիպումն ավարտվեց։ Նախարարները վերադարձան։", ["Հանդիպումն ավարտվեց։", "Նախարարները վերադարձան։"]),
    ("ka", "შეხვედრა დასრულდა. მინისტრები დაბრუნდნენ.", ["შეხვედრა დასრულდა.", "მინისტრები დაბრუნდნენ."]),
    # quotations as German, Polish and Russian write them: „…“ (closed by “), »…«, „…”
    ("de", "Er sagte: „Wir sind bereit.“ Dann ging er. „Gut“, sagte sie.",
     ["Er sagte: „Wir sind bereit.“", "Dann ging er.", "„Gut“, sagte sie."]),
    ("de", "Er sagte: »Wir sind bereit.« Dann ging er. »Gut«, sagte sie. Gen. J. Meyer kam.",
     ["Er sagte: »Wir sind bereit.«", "Dann ging er.", "»Gut«, sagte sie.", "Gen. J. Meyer kam."]),
    # a » set off by spaces, as French spacing writes « so », closes a quotation
    ("de", "Er sagte: « Wir sind bereit. » Dann ging er.", ["Er sagte: « Wir sind bereit. »", "Dann ging er."]),
    ("pl", "Powiedział: „Jesteśmy gotowi.” Potem wyszedł. „Dobrze” – odpowiedziała.",
     ["Powiedział: „Jesteśmy gotowi.”", "Potem wyszedł.", "„Dobrze” – odpowiedziała."]),
    ("ru", "Он ушёл. „Мы готовы“, — сказал он.", ["Он ушёл.", "„Мы готовы“, — сказал он."]),
    # ranks, page and "about" before a number, г. before a name but after a year
    ("ru", "Председатель комитета адм. Бауэр выступил. В учениях примут участие ок. 10 000 военнослужащих. "
           "Встреча прошла в г. Москве в 2026 г. Полк. Петров также.",
     ["Председатель комитета адм. Бауэр выступил.", "В учениях примут участие ок. 10 000 военнослужащих.",
      "Встреча прошла в г. Москве в 2026 г.", "Полк. Петров также."]),
    ("pl", "Przewodniczący, adm. Bauer, przemawiał. Udział weźmie ok. 12 tys. żołnierzy (zob. s. 7 raportu). "
           "Prof. dr hab. Nowak i por. Lis też. Następnie gen. dyw. Nowak.",
     ["Przewodniczący, adm. Bauer, przemawiał.", "Udział weźmie ok. 12 tys. żołnierzy (zob. s. 7 raportu).",
      "Prof. dr hab. Nowak i por. Lis też.", "Następnie gen. dyw. Nowak."]),
    ("pl", "Żołnierze 12. Brygady Zmechanizowanej ćwiczyli z 16. Pomorską Dywizją. Liczba gości wzrosła do 12. Następnie "
           "wyjechali.",
     ["Żołnierze 12. Brygady Zmechanizowanej ćwiczyli z 16. Pomorską Dywizją.", "Liczba gości wzrosła do 12.",
      "Następnie wyjechali."]),
    ("es", "EE. UU. y Canadá participan. El cap. Ruiz y el tte. col. López asistieron. El Almte. Gil también.",
     ["EE. UU. y Canadá participan.", "El cap. Ruiz y el tte. col. López asistieron.", "El Almte. Gil también."]),
    ("de", "Der Inspekteur der Marine, VAdm. Kaack, sprach. Hptm. Schulz und Oblt. Weber folgten.",
     ["Der Inspekteur der Marine, VAdm. Kaack, sprach.", "Hptm. Schulz und Oblt. Weber folgten."]),
    ("it", "Il magg. Neri e l'amm. Blu hanno parlato. Poi il cap. Verdi.",
     ["Il magg. Neri e l'amm. Blu hanno parlato.", "Poi il cap. Verdi."]),
    ("ar", "حضر د. أحمد الاجتماع. انظر ص. 12 من التقرير. ثم غادر.",
     ["حضر د. أحمد الاجتماع.", "انظر ص. 12 من التقرير.", "ثم غادر."]),
    # the full-width full stop of Japanese official writing, not inside a full-width number; ? ! typed half-width
    ("ja", "会議は終了した．約１．５万人が参加した．次回は５月である．",
     ["会議は終了した．", "約１．５万人が参加した．", "次回は５月である．"]),
    ("ja", "本当ですか?はい!本当です。", ["本当ですか?", "はい!", "本当です。"]),
    # Portuguese and Dutch titles, ranks and abbreviations before a name, and before a number: they split the
    # sentence after them (A Dra. / Ana Costa …, De heer, dhr. / Jansen …)
    ("pt", "A Dra. Ana Costa abriu o exercício. O Sr. Pereira e o Gen. Sousa agradeceram, p. ex. à equipa. Ver art. 5. Fim.",
     ["A Dra. Ana Costa abriu o exercício.", "O Sr. Pereira e o Gen. Sousa agradeceram, p. ex. à equipa.",
      "Ver art. 5.", "Fim."]),
    ("pt-BR", "A Sra. Lima e o Prof. Alves chegaram. O cel. Rocha também.",
     ["A Sra. Lima e o Prof. Alves chegaram.", "O cel. Rocha também."]),
    # dez. is December's abbreviation and the number ten: a month beside a day's number or a year only
    ("pt", "Os votos a favor foram dez. 12 delegações abstiveram-se. A cimeira de 15 dez. 2024 e a de dez. 2025 também.",
     ["Os votos a favor foram dez.", "12 delegações abstiveram-se.",
      "A cimeira de 15 dez. 2024 e a de dez. 2025 também."]),
    ("nl", "Dhr. Jansen en mevr. De Vries spraken. Prof. Bakker ook, bijv. Den Haag. Zie art. 5. Einde.",
     ["Dhr. Jansen en mevr. De Vries spraken.", "Prof. Bakker ook, bijv. Den Haag.", "Zie art. 5.", "Einde."]),
]


@pytest.mark.parametrize(("lang", "paragraph", "expected"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_sentences_of_other_languages(lang, paragraph, expected):
    assert segment_text(paragraph, lang) == expected


def test_a_language_without_rules_of_its_own_breaks_on_the_common_punctuation_only():
    # the German titles are German: Spanish text writes "Dr." too, Italian "Dr." is no title of its rules
    assert segment_text("Il Dr. Rossi è qui.", "it") == ["Il Dr.", "Rossi è qui."]
    assert segment_text("Dr. Müller spricht.", "de") == ["Dr. Müller spricht."]
