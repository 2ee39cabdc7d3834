-- lede.agencies: the table of news agencies, relays and syndication services
-- whose credits lede recognises (datelines, closing credits, bylines, "Source: X").
--
-- This file is pure data. It returns { list = { entry, ... } }; lua/lede/credits.lua
-- builds its lookup tables from it and hands the names to the C scanner.
--
-- One entry per agency. Keys:
--
--   name            the canonical name (string). This is what lede reports in
--                   article.wire[i].agency, article.dateline.agency and in the test
--                   fixtures (tests/fixtures/credits/cases.jsonl). Treat it as an id:
--                   never change a name without updating the fixtures and filters.
--   forms           full names and spellings that are safe to recognise as a credit
--                   anywhere a credit can stand, including inside a longer credit
--                   sentence: bylines ("By Jane Doe, Reuters"), copyright lines
--                   ("Copyright 2024 Thomson Reuters"), "This report by The Canadian
--                   Press was first published ...", "Associated Press writer X
--                   contributed to this report". They are still NOT credits when they
--                   occur in running text ("Reuters reported on Monday"), in photo
--                   credits ("REUTERS/Kim Hong-Ji") or in teaser lists; position
--                   decides, the table only says what the name looks like.
--   short           acronyms and short forms that only count in a tight credit frame:
--                   inside a dateline's parentheses "(PTI)", as a closing credit line
--                   "— AFP" / "(AFP)", after "Source:"/"Quelle:"/"Fuente:"/"Fonte:",
--                   in "With inputs from X", or as a whole byline ("PTI", "By AFP").
--                   Never in running text.
--   country         ISO 3166-1 alpha-2 code of the agency's home country.
--   ambiguous       optional map form -> note, for forms that are also ordinary words,
--                   other organisations, places or people (AP = Andhra Pradesh,
--                   AAP = Aam Aadmi Party, SPA = spa, ...). A scanner should demand
--                   the strictest credit frame for these and never guess from them.
--   relay           optional, true for relays, pools and syndication services that pass
--                   on other outlets' copy (Non-Aligned News Network, Asia News Network,
--                   Tribune Content Agency). In "(NNN-ONA)" the relay is NNN and the
--                   originating agency is ONA.
--   case_sensitive  optional list of forms (from forms or short) that must match with
--                   exact case: "dpa" and "epd" are written lower-case, "SPA", "MAP",
--                   "NAN" only count upper-case (lower-case they are words). Every
--                   other form matches case-insensitively ("REUTERS", "Reuters").
--   house_roles     optional, true for the one agency whose closing role lines are its
--                   signature ("(Reporting by X; Editing by Y)", "(Bericht von X,
--                   redigiert von Y)"): papers that run its copy often cut the agency
--                   from the dateline and keep that line, so a story that ends with one
--                   and has no other credit is that agency's copy (lede.credits).
--
-- No form (compared case-insensitively, unless case_sensitive) appears in two entries,
-- but forms do nest: "Associated Press" is inside "Australian Associated Press" and
-- "Associated Press of Pakistan", "Central News Agency" inside "Korean Central News
-- Agency", "Interfax" inside "Interfax-Ukraine". Match whole words and take the longest
-- form that matches at a position.
-- Where two agencies share an acronym (CNA: Central News Agency, Taiwan, and Cyprus
-- News Agency; APS: Algérie Presse Service and Agence de Presse Sénégalaise), the
-- acronym belongs to one entry and the other lists only its full name; the clash is
-- noted under `ambiguous`.
--
-- Extending: a filter file may add agencies for its publication with
--   agencies = { { name = "Oman News Agency", forms = { ... }, short = { ... }, country = "OM" } }
-- Those entries use exactly this format and are appended to M.list for that filter;
-- an entry whose name already exists adds its forms and short forms to that entry.
--
-- Not agencies (deliberately absent): Channel NewsAsia / CNA (Singapore broadcaster;
-- "CNA" here is Taiwan's Central News Agency), Thai PBS, Kathimerini, "agencies"
-- (the generic "With inputs from agencies" names no agency).

local M = {}

M.list = {
  -- Global agencies -------------------------------------------------------------------
  { name = "Reuters", forms = { "Reuters", "Reuter", "Thomson Reuters" }, short = {}, country = "GB", house_roles = true,
    ambiguous = { Reuter = "also a surname (Paul Julius Reuter, Ernst Reuter); German texts sometimes write 'Reuter' for the agency" } },
  { name = "Associated Press", forms = { "Associated Press", "The Associated Press" }, short = { "AP" }, country = "US",
    ambiguous = { AP = "Andhra Pradesh (Indian state; '(AP)' after a town in Indian datelines); Advanced Placement (US schools); also 'AP' in running text as an abbreviation" } },
  { name = "Agence France-Presse", forms = { "Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse" }, short = { "AFP" }, country = "FR",
    ambiguous = { AFP = "Australian Federal Police; Armed Forces of the Philippines; 'AFP Photo' and 'X / AFP' are photo credits" } },
  { name = "United Press International", forms = { "United Press International" }, short = { "UPI" }, country = "US",
    ambiguous = { UPI = "Unified Payments Interface (Indian payments system)" } },
  { name = "Bloomberg", forms = { "Bloomberg News", "Bloomberg" }, short = {}, country = "US",
    ambiguous = { Bloomberg = "also a person (Michael Bloomberg), Bloomberg Philanthropies, Bloomberg School of Public Health, the Bloomberg terminal and index names" } },
  { name = "Dow Jones Newswires", forms = { "Dow Jones Newswires", "Dow Jones Newswire" }, short = { "Dow Jones" }, country = "US",
    ambiguous = { ["Dow Jones"] = "the Dow Jones Industrial Average (stock index); Dow Jones & Company (publisher)" } },
  { name = "CNN", forms = { "CNN Newsource", "CNN Wire" }, short = { "CNN" }, country = "US",
    ambiguous = { CNN = "a broadcaster; '(CNN) —' opens CNN copy syndicated through CNN Newsource, but 'told CNN' is running text" } },

  -- Europe ----------------------------------------------------------------------------
  { name = "dpa", forms = { "Deutsche Presse-Agentur", "Deutschen Presse-Agentur", "dpa" }, short = { "DPA" }, country = "DE",
    case_sensitive = { "dpa" },
    ambiguous = { DPA = "upper-case DPA is also a data protection authority or a deferred prosecution agreement; only in credit position" } },
  { name = "dpa-AFX", forms = { "dpa-AFX", "dpa-AFX Wirtschaftsnachrichten" }, short = {}, country = "DE" },
  { name = "Katholische Nachrichten-Agentur", forms = { "Katholische Nachrichten-Agentur" }, short = { "KNA" }, country = "DE",
    ambiguous = { KNA = "also Kenya News Agency (listed by full name only)" } },
  { name = "epd", forms = { "Evangelischer Pressedienst", "epd" }, short = {}, country = "DE",
    case_sensitive = { "epd" } },
  { name = "Sport-Informations-Dienst", forms = { "Sport-Informations-Dienst" }, short = { "SID" }, country = "DE",
    case_sensitive = { "SID" },
    ambiguous = { SID = "also a given name (Sid) and an abbreviation in computing" } },
  { name = "Austria Presse Agentur", forms = { "Austria Presse Agentur", "Austria Presse-Agentur" }, short = { "APA" }, country = "AT",
    ambiguous = { APA = "American Psychological Association (and its citation style); APA News (African Press Agency, Dakar) and APA Information Agency (Baku) use the same acronym" } },
  { name = "Keystone-SDA", forms = { "Keystone-SDA", "Keystone-ATS", "Schweizerische Depeschenagentur", "Agence Télégraphique Suisse", "Agenzia Telegrafica Svizzera" },
    short = { "SDA", "ATS" }, country = "CH",
    ambiguous = { ATS = "applicant tracking system; air traffic services; '(ats)' is the French-language credit of the same agency",
                  SDA = "Seventh-day Adventist; '(sda)' is the German-language credit" } },
  { name = "AWP Finanznachrichten", forms = { "AWP Finanznachrichten" }, short = { "AWP" }, country = "CH" },
  { name = "EFE", forms = { "Agencia EFE", "EFE" }, short = {}, country = "ES" },
  { name = "Europa Press", forms = { "Europa Press" }, short = {}, country = "ES" },
  { name = "Servimedia", forms = { "Servimedia" }, short = {}, country = "ES" },
  { name = "ANSA", forms = { "Agenzia Nazionale Stampa Associata", "ANSA" }, short = {}, country = "IT",
    ambiguous = { ANSA = "'ansa' is an Italian word (loop, river bend: 'nell'ansa del fiume')" } },
  { name = "Agenzia Italia", forms = { "Agenzia Giornalistica Italia", "Agenzia Italia" }, short = { "AGI" }, country = "IT",
    ambiguous = { AGI = "artificial general intelligence" } },
  { name = "Adnkronos", forms = { "Adnkronos", "Adn Kronos", "Adn-Kronos" }, short = {}, country = "IT" },
  { name = "Lusa", forms = { "Agência Lusa", "Agencia Lusa", "Lusa" }, short = {}, country = "PT",
    ambiguous = { Lusa = "'lusa' is a Portuguese adjective (Portuguese, feminine: 'a comunidade lusa')" } },
  { name = "PA Media", forms = { "PA Media", "Press Association", "PA Media Group" }, short = { "PA" }, country = "GB",
    case_sensitive = { "PA" },
    ambiguous = { PA = "Pennsylvania ('PITTSBURGH, PA —'); personal assistant; public address system; Palestinian Authority",
                  ["Press Association"] = "also the tail of other bodies' names (Foreign Press Association)" } },
  { name = "Belga", forms = { "Agence Belga", "Belga" }, short = {}, country = "BE" },
  { name = "Algemeen Nederlands Persbureau", forms = { "Algemeen Nederlands Persbureau" }, short = { "ANP" }, country = "NL" },
  { name = "TT Nyhetsbyrån", forms = { "TT Nyhetsbyrån", "Tidningarnas Telegrambyrå" }, short = { "TT" }, country = "SE",
    case_sensitive = { "TT" },
    ambiguous = { TT = "Trinidad and Tobago ('TT$'); table tennis; Isle of Man TT; Audi TT" } },
  { name = "Norsk Telegrambyrå", forms = { "Norsk Telegrambyrå" }, short = { "NTB" }, country = "NO",
    ambiguous = { NTB = "Nusa Tenggara Barat (West Nusa Tenggara, Indonesian province)" } },
  { name = "Ritzau", forms = { "Ritzaus Bureau", "Ritzau" }, short = {}, country = "DK" },
  { name = "Suomen Tietotoimisto", forms = { "Suomen Tietotoimisto", "STT-Info", "Finnish News Agency" }, short = { "STT" }, country = "FI" },
  { name = "Polska Agencja Prasowa", forms = { "Polska Agencja Prasowa", "Polish Press Agency" }, short = { "PAP" }, country = "PL",
    ambiguous = { PAP = "People's Action Party (Singapore)" } },
  { name = "Česká tisková kancelář", forms = { "Česká tisková kancelář", "Czech News Agency", "ČTK" }, short = { "CTK" }, country = "CZ" },
  { name = "TASR", forms = { "Tlačová agentúra Slovenskej republiky", "TASR" }, short = {}, country = "SK" },
  { name = "Magyar Távirati Iroda", forms = { "Magyar Távirati Iroda" }, short = { "MTI" }, country = "HU" },
  { name = "Slovenian Press Agency", forms = { "Slovenian Press Agency", "Slovenska tiskovna agencija" }, short = { "STA" }, country = "SI" },
  { name = "Croatian News Agency", forms = { "Croatian News Agency", "Hrvatska izvještajna novinska agencija" }, short = { "Hina" }, country = "HR",
    ambiguous = { Hina = "also a given name (Japanese, Hindi)" } },
  { name = "Tanjug", forms = { "Tanjug" }, short = {}, country = "RS" },
  { name = "Bulgarian News Agency", forms = { "Bulgarian News Agency", "Balgarska Telegrafna Agentsia" }, short = { "BTA" }, country = "BG" },
  { name = "Agerpres", forms = { "Agerpres" }, short = {}, country = "RO" },
  { name = "Athens-Macedonian News Agency", forms = { "Athens-Macedonian News Agency", "ANA-MPA", "Athens News Agency" }, short = { "AMNA" }, country = "GR" },
  { name = "Cyprus News Agency", forms = { "Cyprus News Agency" }, short = {}, country = "CY",
    ambiguous = { ["Cyprus News Agency"] = "its acronym CNA belongs to Taiwan's Central News Agency in this table" } },
  { name = "LETA", forms = { "LETA" }, short = {}, country = "LV" },
  { name = "ELTA", forms = { "ELTA" }, short = {}, country = "LT" },
  { name = "Baltic News Service", forms = { "Baltic News Service" }, short = { "BNS" }, country = "LT" },
  { name = "Ukrinform", forms = { "Ukrinform" }, short = {}, country = "UA" },
  { name = "UNIAN", forms = { "UNIAN", "Ukrainian Independent Information Agency of News" }, short = {}, country = "UA" },
  { name = "Interfax-Ukraine", forms = { "Interfax-Ukraine" }, short = {}, country = "UA" },
  { name = "Interfax", forms = { "Interfax" }, short = {}, country = "RU" },
  { name = "TASS", forms = { "TASS", "ITAR-TASS", "ТАСС" }, short = {}, country = "RU" },
  { name = "RIA Novosti", forms = { "RIA Novosti", "РИА Новости" }, short = { "RIA" }, country = "RU",
    ambiguous = { RIA = "registered investment adviser" } },
  { name = "Sputnik", forms = { "Sputnik" }, short = {}, country = "RU",
    ambiguous = { Sputnik = "the satellite; the Sputnik V vaccine" } },
  { name = "BelTA", forms = { "BelTA", "Belarusian Telegraph Agency" }, short = {}, country = "BY" },
  { name = "Anadolu Agency", forms = { "Anadolu Agency", "Anadolu Ajansı", "Anadolu Ajansi", "Anadolu" }, short = { "AA" }, country = "TR",
    case_sensitive = { "AA" },
    ambiguous = { AA = "Alcoholics Anonymous; American Airlines; AA batteries; the Automobile Association",
                  Anadolu = "the region Anatolia (Anadolu) in Turkish texts" } },
  { name = "Demirören News Agency", forms = { "Demirören News Agency", "Demirören Haber Ajansı" }, short = { "DHA" }, country = "TR",
    ambiguous = { DHA = "Defence Housing Authority (Pakistan); docosahexaenoic acid" } },
  { name = "İhlas News Agency", forms = { "İhlas News Agency", "Ihlas News Agency", "İhlas Haber Ajansı" }, short = { "IHA" }, country = "TR" },

  -- Middle East and North Africa -------------------------------------------------------
  { name = "Emirates News Agency", forms = { "Emirates News Agency" }, short = { "WAM" }, country = "AE",
    case_sensitive = { "WAM" } },
  { name = "Saudi Press Agency", forms = { "Saudi Press Agency" }, short = { "SPA" }, country = "SA",
    case_sensitive = { "SPA" },
    ambiguous = { SPA = "'spa' (health resort, hotel spa) in lower or title case" } },
  { name = "Kuwait News Agency", forms = { "Kuwait News Agency" }, short = { "KUNA" }, country = "KW" },
  { name = "Qatar News Agency", forms = { "Qatar News Agency" }, short = { "QNA" }, country = "QA" },
  { name = "Oman News Agency", forms = { "Oman News Agency" }, short = { "ONA" }, country = "OM",
    case_sensitive = { "ONA" },
    ambiguous = { ONA = "Online News Association; 'ona' is a pronoun in Polish and other Slavic languages" } },
  { name = "Bahrain News Agency", forms = { "Bahrain News Agency", "Gulf News Agency" }, short = { "BNA" }, country = "BH",
    ambiguous = { BNA = "Bloomberg BNA (Bureau of National Affairs); Nashville airport code",
                  ["Gulf News Agency"] = "the old name of Bahrain News Agency; not the newspaper Gulf News" } },
  { name = "Middle East News Agency", forms = { "Middle East News Agency" }, short = { "MENA" }, country = "EG",
    case_sensitive = { "MENA" },
    ambiguous = { MENA = "the Middle East and North Africa region ('the MENA region')" } },
  { name = "Jordan News Agency", forms = { "Jordan News Agency" }, short = { "Petra" }, country = "JO",
    ambiguous = { Petra = "the ancient city of Petra; a given name" } },
  { name = "Syrian Arab News Agency", forms = { "Syrian Arab News Agency" }, short = { "SANA" }, country = "SY",
    case_sensitive = { "SANA" },
    ambiguous = { SANA = "Sanaa/Sana'a (capital of Yemen); the given name Sana" } },
  { name = "Palestinian News and Information Agency", forms = { "Palestinian News and Information Agency", "Palestinian News & Info Agency" }, short = { "WAFA" }, country = "PS",
    ambiguous = { WAFA = "also a given name (Wafa)" } },
  { name = "Iraqi News Agency", forms = { "Iraqi News Agency" }, short = { "INA" }, country = "IQ",
    ambiguous = { INA = "Indian National Army; Indian Navy ship prefixes; a given name" } },
  { name = "National News Agency", forms = { "National News Agency" }, short = { "NNA" }, country = "LB",
    ambiguous = { ["National News Agency"] = "the Lebanese state agency; other countries have agencies with generic national names" } },
  { name = "Saba News Agency", forms = { "Saba News Agency" }, short = { "Saba" }, country = "YE",
    ambiguous = { Saba = "a given name; the island of Saba (Caribbean); the ancient kingdom of Saba" } },
  { name = "Islamic Republic News Agency", forms = { "Islamic Republic News Agency" }, short = { "IRNA" }, country = "IR" },
  { name = "Iranian Students' News Agency", forms = { "Iranian Students' News Agency", "Iranian Students News Agency" }, short = { "ISNA" }, country = "IR",
    ambiguous = { ISNA = "Islamic Society of North America" } },
  { name = "Tasnim News Agency", forms = { "Tasnim News Agency", "Tasnim" }, short = {}, country = "IR" },
  { name = "Fars News Agency", forms = { "Fars News Agency" }, short = { "Fars" }, country = "IR",
    ambiguous = { Fars = "Fars province (Iran)" } },
  { name = "Mehr News Agency", forms = { "Mehr News Agency" }, short = { "Mehr" }, country = "IR",
    ambiguous = { Mehr = "'mehr' is a German word (more); a given name" } },
  { name = "Algérie Presse Service", forms = { "Algérie Presse Service", "Algerie Presse Service", "Algeria Press Service" }, short = { "APS" }, country = "DZ",
    ambiguous = { APS = "Agence de Presse Sénégalaise uses the same acronym (listed by full name only); Atlanta Public Schools" } },
  { name = "Maghreb Arabe Presse", forms = { "Maghreb Arabe Presse", "Agence Maghreb Arabe Presse" }, short = { "MAP" }, country = "MA",
    case_sensitive = { "MAP" },
    ambiguous = { MAP = "'map' (a map); also an abbreviation in medicine and finance" } },
  { name = "Tunis Afrique Presse", forms = { "Tunis Afrique Presse" }, short = { "TAP" }, country = "TN",
    case_sensitive = { "TAP" },
    ambiguous = { TAP = "TAP Air Portugal; Trans Adriatic Pipeline; 'tap' (water tap)" } },
  { name = "Libya News Agency", forms = { "Libya News Agency", "Libyan News Agency" }, short = { "LANA" }, country = "LY",
    case_sensitive = { "LANA" },
    ambiguous = { LANA = "the given name Lana" } },
  { name = "Sudan News Agency", forms = { "Sudan News Agency" }, short = { "SUNA" }, country = "SD" },

  -- Sub-Saharan Africa ------------------------------------------------------------------
  { name = "News Agency of Nigeria", forms = { "News Agency of Nigeria" }, short = { "NAN" }, country = "NG",
    case_sensitive = { "NAN" },
    ambiguous = { NAN = "'nan' (grandmother), naan bread, NaN (not a number)" } },
  { name = "Ghana News Agency", forms = { "Ghana News Agency" }, short = { "GNA" }, country = "GH",
    ambiguous = { GNA = "Government of National Accord (Libya)" } },
  { name = "Kenya News Agency", forms = { "Kenya News Agency" }, short = {}, country = "KE",
    ambiguous = { ["Kenya News Agency"] = "its acronym KNA belongs to the Katholische Nachrichten-Agentur in this table" } },
  { name = "Ethiopian News Agency", forms = { "Ethiopian News Agency" }, short = { "ENA" }, country = "ET",
    ambiguous = { ENA = "École nationale d'administration (France)" } },
  { name = "Agence de Presse Sénégalaise", forms = { "Agence de Presse Sénégalaise", "Agence de Presse Senegalaise" }, short = {}, country = "SN",
    ambiguous = { ["Agence de Presse Sénégalaise"] = "its acronym APS belongs to Algérie Presse Service in this table" } },
  { name = "Panapress", forms = { "Panapress", "Pan-African News Agency", "PANA Press" }, short = { "PANA" }, country = "SN" },
  { name = "African News Agency", forms = { "African News Agency" }, short = { "ANA" }, country = "ZA",
    ambiguous = { ANA = "All Nippon Airways; the older acronym of the Athens News Agency" } },

  -- South Asia --------------------------------------------------------------------------
  { name = "Press Trust of India", forms = { "Press Trust of India" }, short = { "PTI" }, country = "IN",
    ambiguous = { PTI = "Pakistan Tehreek-e-Insaf (Pakistani party: 'PTI chairman')" } },
  { name = "IANS", forms = { "Indo-Asian News Service", "IANS" }, short = {}, country = "IN" },
  { name = "Asian News International", forms = { "Asian News International" }, short = { "ANI" }, country = "IN",
    ambiguous = { ANI = "automatic number identification; a given name (Ani)" } },
  { name = "United News of India", forms = { "United News of India" }, short = { "UNI" }, country = "IN",
    ambiguous = { UNI = "university ('uni'); Peru's Universidad Nacional de Ingeniería" } },
  { name = "Associated Press of Pakistan", forms = { "Associated Press of Pakistan" }, short = { "APP" }, country = "PK",
    case_sensitive = { "APP" },
    ambiguous = { APP = "'app' (application) in lower or title case" } },
  { name = "Bangladesh Sangbad Sangstha", forms = { "Bangladesh Sangbad Sangstha" }, short = { "BSS" }, country = "BD" },
  { name = "Rastriya Samachar Samiti", forms = { "Rastriya Samachar Samiti", "Rashtriya Samachar Samiti" }, short = { "RSS" }, country = "NP",
    ambiguous = { RSS = "Rashtriya Swayamsevak Sangh (Indian organisation); RSS feeds" } },
  { name = "Pajhwok Afghan News", forms = { "Pajhwok Afghan News", "Pajhwok" }, short = {}, country = "AF" },

  -- East and South-East Asia --------------------------------------------------------------
  { name = "Xinhua", forms = { "Xinhua", "Xinhua News Agency", "New China News Agency" }, short = {}, country = "CN" },
  { name = "China News Service", forms = { "China News Service", "Zhongxinshe", "ECNS" }, short = { "CNS" }, country = "CN",
    ambiguous = { CNS = "central nervous system; Catholic News Service (listed by full name only)" } },
  { name = "Kyodo", forms = { "Kyodo", "Kyodo News" }, short = {}, country = "JP" },
  { name = "Jiji Press", forms = { "Jiji Press", "Jiji" }, short = {}, country = "JP" },
  { name = "Yonhap", forms = { "Yonhap", "Yonhap News Agency" }, short = {}, country = "KR" },
  { name = "Newsis", forms = { "Newsis" }, short = {}, country = "KR" },
  { name = "News1", forms = { "News1", "News1 Korea" }, short = {}, country = "KR" },
  { name = "Korean Central News Agency", forms = { "Korean Central News Agency" }, short = { "KCNA" }, country = "KP" },
  { name = "Central News Agency", forms = { "Central News Agency" }, short = { "CNA" }, country = "TW",
    ambiguous = { CNA = "Channel NewsAsia (Singapore broadcaster, NOT an agency); Cyprus News Agency; Catholic News Agency",
                  ["Central News Agency"] = "Taiwan's agency; historic and other national agencies carry the same generic name" } },
  { name = "Bernama", forms = { "Bernama", "Malaysian National News Agency", "Pertubuhan Berita Nasional Malaysia" }, short = {}, country = "MY" },
  { name = "Antara", forms = { "Antara News Agency", "Kantor Berita Antara", "Antara News" }, short = { "Antara" }, country = "ID",
    ambiguous = { Antara = "'antara' is an Indonesian/Malay word (between, among)" } },
  { name = "Philippine News Agency", forms = { "Philippine News Agency" }, short = { "PNA" }, country = "PH",
    ambiguous = { PNA = "Palestinian National Authority" } },
  { name = "Vietnam News Agency", forms = { "Vietnam News Agency", "Thông tấn xã Việt Nam" }, short = { "VNA" }, country = "VN" },
  { name = "Thai News Agency", forms = { "Thai News Agency" }, short = { "TNA" }, country = "TH",
    ambiguous = { TNA = "Tamil National Alliance (Sri Lanka); The National Archives (UK)" } },
  { name = "Myanmar News Agency", forms = { "Myanmar News Agency" }, short = { "MNA" }, country = "MM",
    ambiguous = { MNA = "member of the National Assembly (Pakistan, Quebec)" } },
  { name = "Lao News Agency", forms = { "Lao News Agency" }, short = { "KPL" }, country = "LA" },
  { name = "Agence Kampuchea Presse", forms = { "Agence Kampuchea Presse" }, short = { "AKP" }, country = "KH",
    ambiguous = { AKP = "Justice and Development Party (Turkey)" } },
  { name = "Kazinform", forms = { "Kazinform" }, short = {}, country = "KZ" },
  { name = "Armenpress", forms = { "Armenpress" }, short = {}, country = "AM" },
  { name = "Azertac", forms = { "Azertac" }, short = {}, country = "AZ" },

  -- Oceania and the Americas ----------------------------------------------------------------
  { name = "Australian Associated Press", forms = { "Australian Associated Press" }, short = { "AAP" }, country = "AU",
    ambiguous = { AAP = "Aam Aadmi Party (India: 'AAP leader'); American Academy of Pediatrics" } },
  { name = "The Canadian Press", forms = { "The Canadian Press", "Canadian Press", "La Presse Canadienne" }, short = { "CP" }, country = "CA",
    case_sensitive = { "CP" },
    ambiguous = { CP = "Canadian Pacific; Communist Party; Commissioner of Police (India)" } },
  { name = "Caribbean Media Corporation", forms = { "Caribbean Media Corporation" }, short = { "CMC" }, country = "BB",
    ambiguous = { CMC = "Christian Medical College (Vellore); other companies" } },
  { name = "Notimex", forms = { "Notimex" }, short = {}, country = "MX" },
  { name = "Prensa Latina", forms = { "Prensa Latina" }, short = { "PL" }, country = "CU",
    case_sensitive = { "PL" },
    ambiguous = { PL = "Poland; the Premier League" } },
  { name = "Télam", forms = { "Télam", "Telam" }, short = {}, country = "AR" },
  { name = "Noticias Argentinas", forms = { "Noticias Argentinas" }, short = {}, country = "AR" },
  { name = "Colprensa", forms = { "Colprensa" }, short = {}, country = "CO" },
  { name = "Andina", forms = { "Agencia Peruana de Noticias Andina", "Andina" }, short = {}, country = "PE" },
  { name = "Agência Brasil", forms = { "Agência Brasil", "Agencia Brasil" }, short = {}, country = "BR" },
  { name = "Estadão Conteúdo", forms = { "Estadão Conteúdo", "Estadao Conteudo", "Agência Estado" }, short = {}, country = "BR" },
  { name = "Folhapress", forms = { "Folhapress" }, short = {}, country = "BR" },

  -- Religious and specialist agencies in the English-speaking world --------------------------
  { name = "Catholic News Agency", forms = { "Catholic News Agency" }, short = {}, country = "US" },
  { name = "Catholic News Service", forms = { "Catholic News Service" }, short = {}, country = "US" },
  { name = "Religion News Service", forms = { "Religion News Service" }, short = { "RNS" }, country = "US" },

  -- Relays, pools and syndication services ---------------------------------------------------
  { name = "Non-Aligned News Network", forms = { "Non-Aligned News Network" }, short = { "NNN" }, country = "MY", relay = true },
  { name = "Asia News Network", forms = { "Asia News Network" }, short = { "ANN" }, country = "TH", relay = true,
    case_sensitive = { "ANN" },
    ambiguous = { ANN = "the given name Ann; Anime News Network" } },
  { name = "Tribune Content Agency", forms = { "Tribune Content Agency", "Tribune News Service" }, short = {}, country = "US", relay = true },
  { name = "Pacnews", forms = { "Pacnews", "Pacific News Service" }, short = {}, country = "FJ", relay = true },

  -- Unnamed agencies: "(With inputs from agencies)", "— Agencies", "Staff and agencies". The
  -- story is wire copy though no agency is named; only the tight credit frames count.
  { name = "agencies", forms = {}, short = { "agencies", "news agencies", "wire services", "agencias",
    "agences", "Agenturen" },
    ambiguous = { agencies = "the ordinary word: 'government agencies said'; only a credit frame counts" } },
}

return M
