#!/usr/bin/env python
"""Regenerate src/thucydides/knowledge/data/countries.yaml.

Codes (alpha-3, alpha-2) and the ISO official names come from pycountry; every
news-facing name (short name, aliases, adjectives, demonyms, capital, seats of
power) is hand-written in the TABLE below.  Variants without diacritics and
with typographic apostrophes are added automatically.

Table format, one state per line, fields separated by "|", list items by ";":

    CODE | name | aliases | adjectives | demonyms | capital | seats

* demonyms: "Afghan+s" expands to "Afghan", "Afghans".
* capital: "Kyiv/Kiev" -> capital Kyiv, both spellings become seats.
  A leading "!" ("!Brussels") keeps the capital out of the seats (used when
  the city is mostly a metonym for something else).
* seats: "Pentagon=MIL" puts the seat in seat_sectors with that sector.

Usage: .venv/bin/python tools/build_countries.py
"""
from __future__ import annotations

import pathlib
import unicodedata

import pycountry
import yaml

CHECKED = "2026-11-25"
OUT = pathlib.Path(__file__).resolve().parents[1] / "src/thucydides/knowledge/data/countries.yaml"

TABLE = r"""
AFG|Afghanistan|Islamic Emirate of Afghanistan;Islamic Republic of Afghanistan|Afghan|Afghan+s|Kabul|
ALB|Albania|Republic of Albania;Shqipëria|Albanian|Albanian+s|Tirana/Tiranë|
DZA|Algeria|People's Democratic Republic of Algeria|Algerian|Algerian+s|Algiers|El Mouradia
AND|Andorra|Principality of Andorra|Andorran|Andorran+s|Andorra la Vella|
AGO|Angola|Republic of Angola|Angolan|Angolan+s|Luanda|
ATG|Antigua and Barbuda|Antigua & Barbuda;Antigua|Antiguan;Barbudan|Antiguan+s;Barbudan+s|St. John's/St John's/Saint John's|
ARG|Argentina|Argentine Republic|Argentine;Argentinian;Argentinean|Argentine+s;Argentinian+s;Argentinean+s|Buenos Aires|Casa Rosada
ARM|Armenia|Republic of Armenia;Hayastan|Armenian|Armenian+s|Yerevan|
AUS|Australia|Commonwealth of Australia|Australian|Australian+s;Aussie+s|Canberra|
AUT|Austria|Republic of Austria;Österreich|Austrian|Austrian+s|Vienna|Ballhausplatz;Hofburg
AZE|Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azeri|Azerbaijani+s;Azeri+s|Baku|
BHS|Bahamas|Commonwealth of The Bahamas|Bahamian|Bahamian+s|Nassau|
BHR|Bahrain|Kingdom of Bahrain|Bahraini|Bahraini+s|Manama|
BGD|Bangladesh|People's Republic of Bangladesh|Bangladeshi|Bangladeshi+s|Dhaka/Dacca|
BRB|Barbados||Barbadian;Bajan|Barbadian+s;Bajan+s|Bridgetown|
BLR|Belarus|Republic of Belarus;Byelorussia;Belorussia;Belarussia|Belarusian;Belarusan;Belorussian;Byelorussian|Belarusian+s;Belarusan+s|Minsk|
BEL|Belgium|Kingdom of Belgium;België;Belgique|Belgian|Belgian+s|!Brussels|Rue de la Loi
BLZ|Belize||Belizean|Belizean+s|Belmopan|
BEN|Benin|Republic of Benin;Bénin|Beninese;Beninois|Beninese|Porto-Novo|Cotonou
BTN|Bhutan|Kingdom of Bhutan;Druk Yul|Bhutanese|Bhutanese|Thimphu|
BOL|Bolivia|Plurinational State of Bolivia;Republic of Bolivia|Bolivian|Bolivian+s|Sucre|La Paz;Palacio Quemado;Casa Grande del Pueblo
BIH|Bosnia and Herzegovina|Bosnia-Herzegovina;Bosnia & Herzegovina;Bosnia;BiH|Bosnian|Bosnian+s|Sarajevo|
BWA|Botswana|Republic of Botswana|Botswanan;Motswana;Batswana|Motswana;Batswana|Gaborone|
BRA|Brazil|Federative Republic of Brazil;Brasil|Brazilian|Brazilian+s|Brasília|Planalto;Palácio do Planalto;Planalto Palace;Itamaraty;Alvorada Palace
BRN|Brunei|Brunei Darussalam;Nation of Brunei|Bruneian|Bruneian+s|Bandar Seri Begawan|
BGR|Bulgaria|Republic of Bulgaria|Bulgarian|Bulgarian+s|Sofia|
BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè|Burkinabe;Burkinabè;Burkinabes|Ouagadougou|Kosyam
BDI|Burundi|Republic of Burundi|Burundian|Burundian+s|Gitega|Bujumbura
CPV|Cabo Verde|Cape Verde;Republic of Cabo Verde;Republic of Cape Verde|Cape Verdean;Cabo Verdean|Cape Verdean+s;Cabo Verdean+s|Praia|
KHM|Cambodia|Kingdom of Cambodia;Kampuchea|Cambodian|Cambodian+s|Phnom Penh|
CMR|Cameroon|Republic of Cameroon;Cameroun|Cameroonian|Cameroonian+s|Yaoundé|Etoudi;Unity Palace
CAN|Canada||Canadian|Canadian+s|Ottawa|Parliament Hill=LEG;Rideau Hall;Sussex Drive
CAF|Central African Republic|CAR;Centrafrique;Central Africa Republic|Central African|Central African+s|Bangui|
TCD|Chad|Republic of Chad;Tchad|Chadian|Chadian+s|N'Djamena/Ndjamena/N'Djaména|
CHL|Chile|Republic of Chile|Chilean|Chilean+s|Santiago|La Moneda;Moneda Palace
CHN|China|People's Republic of China;PRC;P.R.C.;Mainland China;Chinese mainland;Communist China|Chinese|Chinese|Beijing/Peking|Zhongnanhai;Great Hall of the People
COL|Colombia|Republic of Colombia|Colombian|Colombian+s|Bogotá|Casa de Nariño;Nariño Palace
COM|Comoros|Union of the Comoros;Comoro Islands|Comorian;Comoran|Comorian+s;Comoran+s|Moroni|Beit-Salam
COG|Republic of the Congo|Congo-Brazzaville;Congo Brazzaville;Republic of Congo;Congo Republic|Congolese (Brazzaville)|Congolese (Brazzaville)|Brazzaville|
COD|Democratic Republic of the Congo|Democratic Republic of Congo;DR Congo;DRC;D.R.C.;D.R. Congo;DR of Congo;Congo-Kinshasa;Congo Kinshasa;Congo|Congolese|Congolese|Kinshasa|Palais de la Nation
CRI|Costa Rica|Republic of Costa Rica|Costa Rican|Costa Rican+s|San José|
CIV|Ivory Coast|Côte d'Ivoire;Republic of Côte d'Ivoire;Cote d'Ivoire|Ivorian;Ivoirian|Ivorian+s;Ivoirian+s|Yamoussoukro|Abidjan
HRV|Croatia|Republic of Croatia;Hrvatska|Croatian;Croat|Croatian+s;Croat+s|Zagreb|Banski dvori
CUB|Cuba|Republic of Cuba|Cuban|Cuban+s|Havana/La Habana|Palace of the Revolution
CYP|Cyprus|Republic of Cyprus|Cypriot;Greek Cypriot|Cypriot+s;Greek Cypriot+s|Nicosia|
CZE|Czech Republic|Czechia|Czech|Czech+s|Prague|Prague Castle;Hrzansky Palace;Kramář's Villa
DNK|Denmark|Kingdom of Denmark;Danmark|Danish|Dane+s|Copenhagen|Christiansborg;Marienborg
DJI|Djibouti|Republic of Djibouti|Djiboutian|Djiboutian+s|Djibouti City|
DMA|Dominica|Commonwealth of Dominica|Dominica's|Dominicans (Dominica)|Roseau|
DOM|Dominican Republic|República Dominicana|Dominican|Dominican+s|Santo Domingo|National Palace (Dominican Republic)
ECU|Ecuador|Republic of Ecuador|Ecuadorian;Ecuadorean|Ecuadorian+s;Ecuadorean+s|Quito|Carondelet;Carondelet Palace
EGY|Egypt|Arab Republic of Egypt;Misr|Egyptian|Egyptian+s|Cairo|Ittihadiya Palace;Heliopolis Palace;New Administrative Capital
SLV|El Salvador|Republic of El Salvador|Salvadoran;Salvadorean;Salvadorian|Salvadoran+s;Salvadorean+s;Salvadorian+s|San Salvador|
GNQ|Equatorial Guinea|Republic of Equatorial Guinea|Equatorial Guinean;Equatoguinean|Equatorial Guinean+s;Equatoguinean+s|Malabo|Ciudad de la Paz
ERI|Eritrea|State of Eritrea|Eritrean|Eritrean+s|Asmara|
EST|Estonia|Republic of Estonia;Eesti|Estonian|Estonian+s|Tallinn|Toompea;Stenbock House
SWZ|Eswatini|Swaziland;Kingdom of Eswatini;Kingdom of Swaziland|Swazi;Eswatini|Swazi+s;Emaswati|Mbabane|Lobamba
ETH|Ethiopia|Federal Democratic Republic of Ethiopia|Ethiopian|Ethiopian+s|Addis Ababa|Menelik Palace
FJI|Fiji|Republic of Fiji|Fijian|Fijian+s|Suva|
FIN|Finland|Republic of Finland;Suomi|Finnish|Finn+s|Helsinki|
FRA|France|French Republic;République française|French|Frenchman;Frenchmen;Frenchwoman;Frenchwomen|Paris|Élysée;Élysée Palace;Elysée;Quai d'Orsay;Matignon;Hôtel Matignon;Bercy;Palais Bourbon=LEG;Hôtel de Brienne=MIL
GAB|Gabon|Gabonese Republic|Gabonese|Gabonese|Libreville|
GMB|Gambia|Republic of The Gambia;Republic of the Gambia|Gambian|Gambian+s|Banjul|
GEO|Georgia|Sakartvelo|Georgian|Georgian+s|Tbilisi|
DEU|Germany|Federal Republic of Germany;Deutschland|German|German+s|Berlin|Kanzleramt;Bundeskanzleramt;German Chancellery;Bendlerblock=MIL;Reichstag=LEG
GHA|Ghana|Republic of Ghana|Ghanaian|Ghanaian+s|Accra|Jubilee House;Golden Jubilee House
GRC|Greece|Hellenic Republic;Hellas;Ellada|Greek;Hellenic|Greek+s|Athens|Maximos Mansion;Megaro Maximou
GRD|Grenada||Grenadian|Grenadian+s|St. George's/St George's/Saint George's|
GTM|Guatemala|Republic of Guatemala|Guatemalan|Guatemalan+s|Guatemala City|
GIN|Guinea|Republic of Guinea;Guinea-Conakry;Guinea Conakry|Guinean|Guinean+s|Conakry|Sékhoutouréya Palace
GNB|Guinea-Bissau|Republic of Guinea-Bissau;Guinea Bissau|Bissau-Guinean;Guinea-Bissauan|Bissau-Guinean+s|Bissau|
GUY|Guyana|Co-operative Republic of Guyana;Cooperative Republic of Guyana|Guyanese|Guyanese|Georgetown|
HTI|Haiti|Republic of Haiti;Haïti;Ayiti|Haitian|Haitian+s|Port-au-Prince|
VAT|Holy See|Vatican;Vatican City;Vatican City State;State of the Vatican City|Vatican;Holy See|Vatican official+s|Vatican City|Vatican;Holy See;Apostolic Palace;Apostolic See;Secretariat of State
HND|Honduras|Republic of Honduras|Honduran|Honduran+s|Tegucigalpa|
HUN|Hungary|Magyarország|Hungarian|Hungarian+s|Budapest|Sándor Palace
ISL|Iceland||Icelandic|Icelander+s|Reykjavík|
IND|India|Republic of India;Bharat|Indian|Indian+s|New Delhi|South Block;North Block;Raisina Hill;Rashtrapati Bhavan;Sansad Bhavan=LEG
IDN|Indonesia|Republic of Indonesia|Indonesian|Indonesian+s|Jakarta|Istana Merdeka;Merdeka Palace;Nusantara
IRN|Iran|Islamic Republic of Iran;Islamic Republic;Persia|Iranian|Iranian+s|Tehran/Teheran|Pasteur Street
IRQ|Iraq|Republic of Iraq|Iraqi|Iraqi+s|Baghdad|
IRL|Ireland|Republic of Ireland;Éire;Irish Republic|Irish|Irishman;Irishmen;Irishwoman;Irishwomen|Dublin|Leinster House=LEG;Áras an Uachtaráin;Iveagh House
ISR|Israel|State of Israel|Israeli|Israeli+s|Jerusalem|Knesset=LEG;Kirya=MIL;Kirya military headquarters=MIL
ITA|Italy|Italian Republic;Italia|Italian|Italian+s|Rome|Palazzo Chigi;Quirinale;Quirinal;Quirinal Palace;Farnesina;Montecitorio=LEG;Palazzo Madama=LEG
JAM|Jamaica||Jamaican|Jamaican+s|Kingston|Jamaica House
JPN|Japan|Nippon;Nihon|Japanese|Japanese|Tokyo|Kantei;Kasumigaseki;Nagatacho;Nagatachō;Ichigaya=MIL
JOR|Jordan|Hashemite Kingdom of Jordan|Jordanian|Jordanian+s|Amman|Royal Hashemite Court
KAZ|Kazakhstan|Republic of Kazakhstan;Kazakstan|Kazakh;Kazakhstani|Kazakh+s;Kazakhstani+s|Astana/Nur-Sultan|Akorda;Ak Orda
KEN|Kenya|Republic of Kenya|Kenyan|Kenyan+s|Nairobi|
KIR|Kiribati|Republic of Kiribati|I-Kiribati;Kiribati|I-Kiribati|South Tarawa/Tarawa|
PRK|North Korea|Democratic People's Republic of Korea;DPRK;D.P.R.K.;DPR Korea;N. Korea;N.Korea|North Korean;N. Korean|North Korean+s|Pyongyang|
KOR|South Korea|Republic of Korea;ROK;R.O.K.;S. Korea;S.Korea|South Korean;S. Korean|South Korean+s|Seoul|Blue House;Cheong Wa Dae;Yongsan;Yongsan presidential office
KWT|Kuwait|State of Kuwait|Kuwaiti|Kuwaiti+s|Kuwait City|Bayan Palace;Seif Palace
KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia;Kyrgyzia|Kyrgyz;Kyrgyzstani;Kirghiz|Kyrgyz;Kyrgyzstani+s|Bishkek|Ala-Archa;White House (Bishkek)
LAO|Laos|Lao People's Democratic Republic;Lao PDR|Lao;Laotian|Laotian+s;Lao|Vientiane|
LVA|Latvia|Republic of Latvia;Latvija|Latvian|Latvian+s|Riga|
LBN|Lebanon|Lebanese Republic|Lebanese|Lebanese|Beirut|Baabda;Baabda Palace;Grand Serail;Grand Serail Palace
LSO|Lesotho|Kingdom of Lesotho|Basotho;Lesotho|Mosotho;Basotho|Maseru|
LBR|Liberia|Republic of Liberia|Liberian|Liberian+s|Monrovia|Executive Mansion
LBY|Libya|State of Libya|Libyan|Libyan+s|Tripoli|
LIE|Liechtenstein|Principality of Liechtenstein|Liechtenstein|Liechtensteiner+s|Vaduz|
LTU|Lithuania|Republic of Lithuania;Lietuva|Lithuanian|Lithuanian+s|Vilnius|
LUX|Luxembourg|Grand Duchy of Luxembourg|Luxembourgish;Luxembourgian|Luxembourger+s|Luxembourg City|
MDG|Madagascar|Republic of Madagascar|Malagasy|Malagasy|Antananarivo|Iavoloha;Iavoloha Palace
MWI|Malawi|Republic of Malawi|Malawian|Malawian+s|Lilongwe|
MYS|Malaysia||Malaysian|Malaysian+s|Kuala Lumpur|Putrajaya;Wisma Putra;Seri Perdana
MDV|Maldives|Republic of Maldives;Maldive Islands|Maldivian|Maldivian+s|Malé|
MLI|Mali|Republic of Mali|Malian|Malian+s|Bamako|Koulouba;Koulouba Palace
MLT|Malta|Republic of Malta|Maltese|Maltese|Valletta|Auberge de Castille
MHL|Marshall Islands|Republic of the Marshall Islands|Marshallese|Marshallese|Majuro|
MRT|Mauritania|Islamic Republic of Mauritania|Mauritanian|Mauritanian+s|Nouakchott|
MUS|Mauritius|Republic of Mauritius|Mauritian|Mauritian+s|Port Louis|
MEX|Mexico|United Mexican States;México;Estados Unidos Mexicanos|Mexican|Mexican+s|Mexico City|Palacio Nacional;Los Pinos
FSM|Micronesia|Federated States of Micronesia;FSM|Micronesian|Micronesian+s|Palikir|
MDA|Moldova|Republic of Moldova;Moldavia|Moldovan|Moldovan+s|Chișinău/Chisinau/Kishinev/Chişinău|
MCO|Monaco|Principality of Monaco|Monegasque;Monégasque|Monegasque+s;Monégasque+s|Monaco|
MNG|Mongolia|Mongol Uls|Mongolian|Mongolian+s|Ulaanbaatar/Ulan Bator/Ulaan Baatar|
MNE|Montenegro|Crna Gora|Montenegrin|Montenegrin+s|Podgorica|
MAR|Morocco|Kingdom of Morocco;Maroc|Moroccan|Moroccan+s|Rabat|Makhzen
MOZ|Mozambique|Republic of Mozambique;Moçambique|Mozambican|Mozambican+s|Maputo|
MMR|Myanmar|Burma;Republic of the Union of Myanmar;Union of Myanmar|Myanmar;Burmese|Burmese;Myanmar national+s|Naypyidaw/Naypyitaw/Nay Pyi Taw/Naypyitaw|
NAM|Namibia|Republic of Namibia|Namibian|Namibian+s|Windhoek|
NRU|Nauru|Republic of Nauru|Nauruan|Nauruan+s|Yaren|
NPL|Nepal|Federal Democratic Republic of Nepal|Nepali;Nepalese|Nepali+s;Nepalese|Kathmandu|Singha Durbar;Baluwatar
NLD|Netherlands|Kingdom of the Netherlands;Holland;Nederland|Dutch|Dutchman;Dutchmen;Dutchwoman;Dutchwomen|Amsterdam|The Hague;Binnenhof;Catshuis
NZL|New Zealand|Aotearoa;NZ|New Zealand;Kiwi|New Zealander+s;Kiwi+s|Wellington|Beehive
NIC|Nicaragua|Republic of Nicaragua|Nicaraguan|Nicaraguan+s|Managua|El Carmen
NER|Niger|Republic of the Niger;Republic of Niger|Nigerien|Nigerien+s|Niamey|
NGA|Nigeria|Federal Republic of Nigeria|Nigerian|Nigerian+s|Abuja|Aso Rock;Aso Villa;Aso Rock Villa
MKD|North Macedonia|Republic of North Macedonia;Macedonia;FYROM;Former Yugoslav Republic of Macedonia|North Macedonian;Macedonian|North Macedonian+s;Macedonian+s|Skopje|
NOR|Norway|Kingdom of Norway;Norge|Norwegian|Norwegian+s|Oslo|
OMN|Oman|Sultanate of Oman|Omani|Omani+s|Muscat|
PAK|Pakistan|Islamic Republic of Pakistan|Pakistani|Pakistani+s|Islamabad|Rawalpindi=MIL;GHQ Rawalpindi=MIL;Aiwan-e-Sadr
PLW|Palau|Republic of Palau;Belau|Palauan|Palauan+s|Ngerulmud|Melekeok
PSE|Palestine|State of Palestine;Palestinian territories;Palestinian Territories;Occupied Palestinian Territories;Palestinian Authority territories;Gaza;Gaza Strip;West Bank|Palestinian;Gazan|Palestinian+s;Gazan+s|Ramallah|Muqata;Muqataa;Mukataa;East Jerusalem
PAN|Panama|Republic of Panama;Panamá|Panamanian|Panamanian+s|Panama City|Palacio de las Garzas
PNG|Papua New Guinea|Independent State of Papua New Guinea;PNG|Papua New Guinean;PNG|Papua New Guinean+s|Port Moresby|Waigani
PRY|Paraguay|Republic of Paraguay|Paraguayan|Paraguayan+s|Asunción|Palacio de López
PER|Peru|Republic of Peru;Perú|Peruvian|Peruvian+s|Lima|Palacio de Gobierno;Government Palace (Peru)
PHL|Philippines|Republic of the Philippines;Pilipinas|Philippine;Filipino|Filipino+s;Filipina+s|Manila|Malacañang;Malacañang Palace;Malacanang;Camp Aguinaldo=MIL
POL|Poland|Republic of Poland;Polska|Polish|Pole+s|Warsaw|Belweder;Belvedere Palace
PRT|Portugal|Portuguese Republic|Portuguese|Portuguese|Lisbon|São Bento;Belém Palace
QAT|Qatar|State of Qatar|Qatari|Qatari+s|Doha|Amiri Diwan
ROU|Romania|Rumania;Roumania|Romanian|Romanian+s|Bucharest|Cotroceni;Cotroceni Palace;Victoria Palace
RUS|Russia|Russian Federation;Rossiya|Russian|Russian+s|Moscow|Kremlin;Smolenskaya Square;White House (Moscow);Lubyanka=SPY
RWA|Rwanda|Republic of Rwanda|Rwandan|Rwandan+s|Kigali|Urugwiro Village
KNA|Saint Kitts and Nevis|St Kitts and Nevis;St. Kitts and Nevis;Saint Kitts;St Kitts;St. Kitts;Federation of Saint Christopher and Nevis;St Kitts & Nevis|Kittitian;Nevisian|Kittitian+s;Nevisian+s|Basseterre|
LCA|Saint Lucia|St Lucia;St. Lucia|Saint Lucian;St Lucian;St. Lucian|Saint Lucian+s;St Lucian+s|Castries|
VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines;St. Vincent and the Grenadines;Saint Vincent;St Vincent;St. Vincent;St Vincent & the Grenadines|Vincentian|Vincentian+s|Kingstown|
WSM|Samoa|Independent State of Samoa;Western Samoa|Samoan|Samoan+s|Apia|
SMR|San Marino|Republic of San Marino;Most Serene Republic of San Marino|Sammarinese|Sammarinese|City of San Marino|
STP|São Tomé and Príncipe|Democratic Republic of São Tomé and Príncipe;Sao Tome;São Tomé|Santomean;São Toméan|Santomean+s|São Tomé|
SAU|Saudi Arabia|Kingdom of Saudi Arabia;KSA;Saudi|Saudi;Saudi Arabian|Saudi+s;Saudi Arabian+s|Riyadh|Al-Yamamah Palace
SEN|Senegal|Republic of Senegal;Sénégal|Senegalese|Senegalese|Dakar|
SRB|Serbia|Republic of Serbia;Srbija|Serbian;Serb|Serb+s;Serbian+s|Belgrade|
SYC|Seychelles|Republic of Seychelles|Seychellois|Seychellois|!Victoria|State House (Seychelles)
SLE|Sierra Leone|Republic of Sierra Leone|Sierra Leonean|Sierra Leonean+s|Freetown|
SGP|Singapore|Republic of Singapore|Singaporean;Singapore|Singaporean+s|Singapore|Istana
SVK|Slovakia|Slovak Republic|Slovak;Slovakian|Slovak+s;Slovakian+s|Bratislava|Grassalkovich Palace
SVN|Slovenia|Republic of Slovenia;Slovenija|Slovenian;Slovene|Slovenian+s;Slovene+s|Ljubljana|
SLB|Solomon Islands|Solomons|Solomon Islands;Solomon Islander|Solomon Islander+s|Honiara|
SOM|Somalia|Federal Republic of Somalia;Soomaaliya|Somali;Somalian|Somali+s;Somalian+s|Mogadishu|Villa Somalia
ZAF|South Africa|Republic of South Africa;RSA|South African|South African+s|Pretoria|Union Buildings;Tuynhuys
SSD|South Sudan|Republic of South Sudan|South Sudanese|South Sudanese|Juba|
ESP|Spain|Kingdom of Spain;España|Spanish|Spaniard+s|Madrid|Moncloa;La Moncloa;Moncloa Palace;Zarzuela;Zarzuela Palace
LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka;Ceylon|Sri Lankan|Sri Lankan+s|Sri Jayawardenepura Kotte/Kotte|Colombo
SDN|Sudan|Republic of the Sudan;Republic of Sudan|Sudanese|Sudanese|Khartoum|Port Sudan
SUR|Suriname|Republic of Suriname;Surinam|Surinamese|Surinamese;Surinamer+s|Paramaribo|
SWE|Sweden|Kingdom of Sweden;Sverige|Swedish|Swede+s|Stockholm|Rosenbad;Riksdag=LEG
CHE|Switzerland|Swiss Confederation;Confoederatio Helvetica;Schweiz;Suisse|Swiss|Swiss|Bern/Berne|Federal Palace;Bundeshaus
SYR|Syria|Syrian Arab Republic;Syrian Republic|Syrian|Syrian+s|Damascus|People's Palace
TWN|Taiwan|Republic of China;ROC;R.O.C.;Chinese Taipei;Republic of China (Taiwan)|Taiwanese|Taiwanese|Taipei|Presidential Office Building;Executive Yuan
TJK|Tajikistan|Republic of Tajikistan|Tajik;Tajikistani|Tajik+s;Tajikistani+s|Dushanbe|
TZA|Tanzania|United Republic of Tanzania|Tanzanian|Tanzanian+s|Dodoma|Chamwino;Ikulu
THA|Thailand|Kingdom of Thailand;Siam|Thai|Thai+s|Bangkok|Government House (Thailand)
TLS|Timor-Leste|East Timor;Timor Leste;Democratic Republic of Timor-Leste|Timorese;East Timorese|Timorese;East Timorese|Dili|
TGO|Togo|Togolese Republic|Togolese|Togolese|Lomé|
TON|Tonga|Kingdom of Tonga|Tongan|Tongan+s|Nukuʻalofa/Nuku'alofa|
TTO|Trinidad and Tobago|Trinidad & Tobago;Trinidad;Republic of Trinidad and Tobago|Trinidadian;Tobagonian;Trinbagonian|Trinidadian+s;Tobagonian+s;Trinbagonian+s|Port of Spain/Port-of-Spain|Whitehall (Port of Spain)
TUN|Tunisia|Republic of Tunisia;Tunisian Republic|Tunisian|Tunisian+s|Tunis|Carthage Palace
TUR|Turkey|Türkiye;Turkiye;Republic of Türkiye;Republic of Turkey|Turkish|Turk+s|Ankara|Beştepe
TKM|Turkmenistan||Turkmen;Turkmenistani|Turkmen;Turkmens|Ashgabat/Ashkhabad|Oguzkhan Palace
TUV|Tuvalu||Tuvaluan|Tuvaluan+s|Funafuti|
UGA|Uganda|Republic of Uganda|Ugandan|Ugandan+s|Kampala|Entebbe State House
UKR|Ukraine|Ukrayina|Ukrainian|Ukrainian+s|Kyiv/Kiev|Bankova
ARE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;UAE|Emirati+s|Abu Dhabi|Qasr Al Watan
GBR|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;UK;U.K.|Briton+s;Brit+s|London|Downing Street;Number 10;No 10;No. 10;Whitehall;Foreign Office;Buckingham Palace;Westminster=LEG;Houses of Parliament=LEG
USA|United States|US;U.S.;USA;U.S.A.;America;United States of America|American;US;U.S.|American+s|Washington|Washington, D.C.;Washington D.C.;Washington DC;White House;Oval Office;Foggy Bottom;Pentagon=MIL;Capitol Hill=LEG;Capitol=LEG;Langley=SPY
URY|Uruguay|Oriental Republic of Uruguay|Uruguayan|Uruguayan+s|Montevideo|Torre Ejecutiva
UZB|Uzbekistan|Republic of Uzbekistan|Uzbek;Uzbekistani|Uzbek+s;Uzbekistani+s|Tashkent|Kuksaroy;Oqsaroy
VUT|Vanuatu|Republic of Vanuatu|Ni-Vanuatu;Vanuatuan|Ni-Vanuatu|Port Vila|
VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan|Venezuelan+s|Caracas|Miraflores;Miraflores Palace
VNM|Vietnam|Viet Nam;Socialist Republic of Vietnam;Socialist Republic of Viet Nam|Vietnamese|Vietnamese|Hanoi|Ba Dinh
YEM|Yemen|Republic of Yemen|Yemeni|Yemeni+s|Sanaa/Sana'a/Sanaʽa|Aden
ZMB|Zambia|Republic of Zambia|Zambian|Zambian+s|Lusaka|
ZWE|Zimbabwe|Republic of Zimbabwe|Zimbabwean|Zimbabwean+s|Harare|Munhumutapa Building
XKX|Kosovo|Republic of Kosovo;Kosova|Kosovar;Kosovan;Kosovo|Kosovar+s;Kosovan+s|Pristina/Prishtina/Priština|
"""

# Non-ISO or non-standard entries: alpha-2 and source page.
SPECIAL = {
    "XKX": ("XK", "https://en.wikipedia.org/wiki/Kosovo"),
}

# ISO "official names" that read badly in news text or are wrong for the entry.
SKIP_ISO_NAMES = {"Taiwan, Province of China", "Holy See (Vatican City State)", "Congo"}

# Values in parentheses in the table disambiguate for humans only ("Congolese
# (Brazzaville)"): they are dropped from the output, as are the placeholders
# below that exist only to keep the column non-empty.
PLACEHOLDERS = {"Dominica's", "Dominicans (Dominica)", "Vatican official+s", "Myanmar national+s"}


def strip_accents(s: str) -> str:
    out = unicodedata.normalize("NFKD", s)
    out = "".join(ch for ch in out if not unicodedata.combining(ch))
    return out.replace("ʻ", "'").replace("ʽ", "'")


# Accent-free spellings that are ordinary English words or other places: never generated.
NO_PLAIN_VARIANT = {"Male", "San Jose", "Island"}


def variants(items: list[str]) -> list[str]:
    """Add accent-free and curly-apostrophe spellings, keep order, dedupe."""
    seen: list[str] = []
    for it in items:
        plain = strip_accents(it)
        cands = [it] if plain in NO_PLAIN_VARIANT else [it, plain]
        for c in list(cands):
            if "'" in c:
                cands.append(c.replace("'", "\u2019"))
        for c in cands:
            if c and c not in seen:
                seen.append(c)
    return seen


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def expand_plural(items: list[str]) -> list[str]:
    out = []
    for it in items:
        if it in PLACEHOLDERS:
            continue
        if it.endswith("+s"):
            base = it[:-2]
            out += [base, base + "s"]
        else:
            out.append(it)
    return out


def clean(items: list[str]) -> list[str]:
    return [x for x in items if "(" not in x and x not in PLACEHOLDERS]


def strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


def build() -> list[dict]:
    rows = []
    for line in TABLE.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        assert len(parts) == 7, line
        code, name, aliases, adjs, dems, capital, seats = parts
        if code in SPECIAL:
            iso2, source = SPECIAL[code]
            iso_names: list[str] = []
        else:
            c = pycountry.countries.get(alpha_3=code)
            assert c is not None, code
            iso2 = c.alpha_2
            source = f"https://www.iso.org/obp/ui/#iso:code:3166:{iso2}"
            iso_names = [
                strip_the(n)
                for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None))
                if n and "," not in n and n not in SKIP_ISO_NAMES
            ]
        alias_list = [name] + [strip_the(a) for a in split(aliases)] + iso_names
        alias_list = variants(clean(alias_list))

        caps = [x.strip() for x in capital.split("/")]
        keep_capital = not caps[0].startswith("!")
        caps[0] = caps[0].lstrip("!")
        seat_list: list[str] = caps[:] if keep_capital else []
        sectors: dict[str, str] = {}
        for s in split(seats):
            if "=" in s:
                s, sec = s.split("=")
                sectors[s] = sec
            seat_list.append(s)
        seat_list = variants(clean(seat_list))
        for s in list(sectors):
            if "(" in s:
                del sectors[s]
                continue
            plain = strip_accents(s)
            if plain != s:
                sectors[plain] = sectors[s]
            if "'" in s:
                sectors[s.replace("'", "\u2019")] = sectors[s]

        entry = {
            "code": code,
            "iso2": iso2,
            "name": name,
            "aliases": alias_list,
            "adjectives": variants(clean(split(adjs))),
            "demonyms": variants(clean(expand_plural(split(dems)))),
            "capital": caps[0],
            "seats": seat_list,
        }
        if sectors:
            entry["seat_sectors"] = sectors
        entry["source"] = source
        entry["checked"] = CHECKED
        rows.append(entry)
    return rows


class Dumper(yaml.SafeDumper):
    pass


def _list(dumper, data):
    flow = all(isinstance(x, str) for x in data)  # lists of names on one line
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _dict(dumper, data):
    flow = all(isinstance(v, str) for v in data.values()) and len(data) < 8  # seat_sectors
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


Dumper.add_representer(list, _list)
Dumper.add_representer(dict, _dict)


class DateStr(str):
    pass


Dumper.add_representer(DateStr, lambda d, s: d.represent_scalar("tag:yaml.org,2002:timestamp", str(s)))


def main() -> None:
    rows = build()
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), "duplicate codes"
    for r in rows:
        r["checked"] = DateStr(r["checked"])
    body = yaml.dump({"countries": rows}, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    # Map values are in block style; put seat_sectors on one line for readability.
    header = (
        'kb_version: "2026.11.0"\n'
        "data_as_of: 2026-11-25\n"
        "description: Sovereign states (193 UN members, Holy See, Palestine, Taiwan, Kosovo) with the names,"
        " adjectives, demonyms, capitals and seats of power that news text uses for them.\n"
        "# Generated by tools/build_countries.py (codes from pycountry, names hand-curated); edit the table there.\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUT} with {len(rows)} countries")


if __name__ == "__main__":
    main()
