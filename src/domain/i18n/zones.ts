// Where a seller says they are, in their words, and the IANA zone it means: the tables behind /tz.
// Data, not code paths: a new city is one line here. Russian case forms (Москве, Екатеринбурге) need no
// line of their own: the parser compares word stems (see src/domain/zones.ts).
import type { Lang } from './lang.js';

/** A zone under a name the bot can show ("Екатеринбург", "Central European time"). */
export interface ZoneName {
  zone: string;
  name: Record<Lang, string>;
}

/** A city, region or country, with the other spellings people type for it, in any language. */
export interface ZonePlace extends ZoneName {
  aliases: readonly string[];
}

const place = (zone: string, ru: string, en: string, aliases: readonly string[] = []): ZonePlace => ({
  zone,
  name: { ru, en },
  aliases,
});

// A word on several places ("сша", "portland", "брест") makes it ambiguous: the seller picks a button.
const USA = ['сша', 'штаты', 'америка', 'usa', 'us', 'united states', 'america'];
const RUSSIA = ['россия', 'рф', 'russia'];
const CANADA = ['канада', 'canada'];
const AUSTRALIA = ['австралия', 'australia'];
const INDONESIA = ['индонезия', 'indonesia'];

export const zonePlaces: readonly ZonePlace[] = [
  // Russia, west to east.
  place('Europe/Kaliningrad', 'Калининград', 'Kaliningrad', ['кенигсберг']),
  place('Europe/Moscow', 'Москва', 'Moscow', ['moskva', 'московское', ...RUSSIA]),
  place('Europe/Moscow', 'Санкт-Петербург', 'Saint Petersburg', [
    'спб',
    'питер',
    'петербург',
    'ленинград',
    'st petersburg',
    'spb',
    'piter',
    'sankt peterburg',
    'petersburg',
  ]),
  place('Europe/Moscow', 'Казань', 'Kazan', ['татарстан']),
  place('Europe/Moscow', 'Нижний Новгород', 'Nizhny Novgorod', ['нижний', 'нн', 'нижний новгород', 'nizhniy novgorod', 'nizhny']),
  place('Europe/Moscow', 'Сочи', 'Sochi', ['адлер', 'красная поляна']),
  place('Europe/Moscow', 'Ростов-на-Дону', 'Rostov-on-Don', ['ростов', 'rostov', 'rostov na donu']),
  place('Europe/Moscow', 'Краснодар', 'Krasnodar', ['кубань']),
  place('Europe/Moscow', 'Воронеж', 'Voronezh'),
  place('Europe/Moscow', 'Ярославль', 'Yaroslavl'),
  place('Europe/Moscow', 'Тула', 'Tula'),
  place('Europe/Moscow', 'Рязань', 'Ryazan'),
  place('Europe/Moscow', 'Тверь', 'Tver'),
  place('Europe/Moscow', 'Калуга', 'Kaluga'),
  place('Europe/Moscow', 'Белгород', 'Belgorod'),
  place('Europe/Moscow', 'Курск', 'Kursk'),
  place('Europe/Moscow', 'Липецк', 'Lipetsk'),
  place('Europe/Moscow', 'Брянск', 'Bryansk'),
  place('Europe/Moscow', 'Смоленск', 'Smolensk'),
  place('Europe/Moscow', 'Владимир', 'Vladimir'),
  place('Europe/Moscow', 'Иваново', 'Ivanovo'),
  place('Europe/Moscow', 'Кострома', 'Kostroma'),
  place('Europe/Moscow', 'Вологда', 'Vologda'),
  place('Europe/Moscow', 'Мурманск', 'Murmansk'),
  place('Europe/Moscow', 'Архангельск', 'Arkhangelsk'),
  place('Europe/Moscow', 'Великий Новгород', 'Veliky Novgorod', ['новгород']),
  place('Europe/Moscow', 'Псков', 'Pskov'),
  place('Europe/Moscow', 'Петрозаводск', 'Petrozavodsk', ['карелия']),
  place('Europe/Moscow', 'Сыктывкар', 'Syktyvkar'),
  place('Europe/Moscow', 'Чебоксары', 'Cheboksary'),
  place('Europe/Moscow', 'Йошкар-Ола', 'Yoshkar-Ola'),
  place('Europe/Moscow', 'Саранск', 'Saransk'),
  place('Europe/Moscow', 'Пенза', 'Penza'),
  place('Europe/Moscow', 'Тамбов', 'Tambov'),
  place('Europe/Moscow', 'Орёл', 'Oryol', ['orel']),
  place('Europe/Moscow', 'Ставрополь', 'Stavropol'),
  place('Europe/Moscow', 'Махачкала', 'Makhachkala', ['дагестан']),
  place('Europe/Moscow', 'Грозный', 'Grozny'),
  place('Europe/Moscow', 'Владикавказ', 'Vladikavkaz'),
  place('Europe/Moscow', 'Нальчик', 'Nalchik'),
  place('Europe/Moscow', 'Новороссийск', 'Novorossiysk'),
  place('Europe/Moscow', 'Анапа', 'Anapa'),
  place('Europe/Moscow', 'Геленджик', 'Gelendzhik'),
  place('Europe/Moscow', 'Набережные Челны', 'Naberezhnye Chelny', ['челны']),
  place('Europe/Simferopol', 'Симферополь', 'Simferopol', ['крым', 'ялта']),
  place('Europe/Simferopol', 'Севастополь', 'Sevastopol'),
  place('Europe/Kirov', 'Киров', 'Kirov'),
  place('Europe/Volgograd', 'Волгоград', 'Volgograd'),
  place('Europe/Saratov', 'Саратов', 'Saratov'),
  place('Europe/Astrakhan', 'Астрахань', 'Astrakhan'),
  place('Europe/Ulyanovsk', 'Ульяновск', 'Ulyanovsk'),
  place('Europe/Samara', 'Самара', 'Samara', RUSSIA),
  place('Europe/Samara', 'Тольятти', 'Tolyatti', ['togliatti']),
  place('Europe/Samara', 'Ижевск', 'Izhevsk', ['удмуртия']),
  place('Asia/Yekaterinburg', 'Екатеринбург', 'Yekaterinburg', ['екб', 'ебург', 'екат', 'свердловск', 'ekaterinburg', 'ekb', ...RUSSIA]),
  place('Asia/Yekaterinburg', 'Челябинск', 'Chelyabinsk', ['челяба']),
  place('Asia/Yekaterinburg', 'Пермь', 'Perm'),
  place('Asia/Yekaterinburg', 'Тюмень', 'Tyumen'),
  place('Asia/Yekaterinburg', 'Уфа', 'Ufa', ['башкирия', 'башкортостан']),
  place('Asia/Yekaterinburg', 'Оренбург', 'Orenburg'),
  place('Asia/Yekaterinburg', 'Курган', 'Kurgan'),
  place('Asia/Yekaterinburg', 'Магнитогорск', 'Magnitogorsk'),
  place('Asia/Yekaterinburg', 'Сургут', 'Surgut'),
  place('Asia/Yekaterinburg', 'Нижневартовск', 'Nizhnevartovsk'),
  place('Asia/Yekaterinburg', 'Ханты-Мансийск', 'Khanty-Mansiysk', ['хмао', 'югра']),
  place('Asia/Yekaterinburg', 'Салехард', 'Salekhard', ['янао']),
  place('Asia/Yekaterinburg', 'Новый Уренгой', 'Novy Urengoy'),
  place('Asia/Omsk', 'Омск', 'Omsk'),
  place('Asia/Novosibirsk', 'Новосибирск', 'Novosibirsk', ['новосиб', 'нск', 'nsk', ...RUSSIA]),
  place('Asia/Barnaul', 'Барнаул', 'Barnaul', ['алтай', 'горно-алтайск']),
  place('Asia/Tomsk', 'Томск', 'Tomsk'),
  place('Asia/Novokuznetsk', 'Новокузнецк', 'Novokuznetsk'),
  place('Asia/Novokuznetsk', 'Кемерово', 'Kemerovo', ['кузбасс']),
  place('Asia/Krasnoyarsk', 'Красноярск', 'Krasnoyarsk', ['крск', ...RUSSIA]),
  place('Asia/Krasnoyarsk', 'Норильск', 'Norilsk'),
  place('Asia/Krasnoyarsk', 'Абакан', 'Abakan', ['хакасия']),
  place('Asia/Krasnoyarsk', 'Кызыл', 'Kyzyl', ['тыва', 'тува']),
  place('Asia/Irkutsk', 'Иркутск', 'Irkutsk', ['байкал']),
  place('Asia/Irkutsk', 'Улан-Удэ', 'Ulan-Ude', ['бурятия']),
  place('Asia/Irkutsk', 'Братск', 'Bratsk'),
  place('Asia/Chita', 'Чита', 'Chita', ['забайкалье']),
  place('Asia/Yakutsk', 'Якутск', 'Yakutsk', ['якутия']),
  place('Asia/Yakutsk', 'Благовещенск', 'Blagoveshchensk'),
  place('Asia/Vladivostok', 'Владивосток', 'Vladivostok', ['владик', 'приморье', ...RUSSIA]),
  place('Asia/Vladivostok', 'Хабаровск', 'Khabarovsk'),
  place('Asia/Vladivostok', 'Находка', 'Nakhodka'),
  place('Asia/Sakhalin', 'Южно-Сахалинск', 'Yuzhno-Sakhalinsk', ['сахалин', 'sakhalin']),
  place('Asia/Magadan', 'Магадан', 'Magadan'),
  place('Asia/Kamchatka', 'Петропавловск-Камчатский', 'Petropavlovsk-Kamchatsky', ['камчатка', 'петропавловск', 'kamchatka', 'petropavlovsk']),
  place('Asia/Anadyr', 'Анадырь', 'Anadyr', ['чукотка']),

  // Kazakhstan and Central Asia.
  place('Asia/Almaty', 'Алматы', 'Almaty', ['алма-ата', 'alma-ata', 'казахстан', 'kazakhstan']),
  place('Asia/Almaty', 'Астана', 'Astana', ['нур-султан', 'nur-sultan', 'акмола']),
  place('Asia/Almaty', 'Шымкент', 'Shymkent', ['чимкент']),
  place('Asia/Almaty', 'Караганда', 'Karaganda', ['qaraghandy']),
  place('Asia/Almaty', 'Павлодар', 'Pavlodar'),
  place('Asia/Almaty', 'Усть-Каменогорск', 'Oskemen', ['ust-kamenogorsk', 'оскемен']),
  place('Asia/Almaty', 'Петропавловск, Казахстан', 'Petropavl', ['петропавловск', 'petropavlovsk', 'петропавл']),
  place('Asia/Aqtobe', 'Актобе', 'Aktobe', ['актюбинск', 'aqtobe']),
  place('Asia/Atyrau', 'Атырау', 'Atyrau'),
  place('Asia/Aqtau', 'Актау', 'Aktau', ['aqtau']),
  place('Asia/Oral', 'Уральск', 'Oral', ['uralsk']),
  place('Asia/Qostanay', 'Костанай', 'Kostanay', ['кустанай', 'qostanay']),
  place('Asia/Qyzylorda', 'Кызылорда', 'Kyzylorda', ['qyzylorda']),
  place('Asia/Tashkent', 'Ташкент', 'Tashkent', ['узбекистан', 'uzbekistan', 'toshkent']),
  place('Asia/Samarkand', 'Самарканд', 'Samarkand'),
  place('Asia/Samarkand', 'Бухара', 'Bukhara'),
  place('Asia/Bishkek', 'Бишкек', 'Bishkek', ['кыргызстан', 'киргизия', 'kyrgyzstan', 'фрунзе']),
  place('Asia/Bishkek', 'Ош', 'Osh'),
  place('Asia/Dushanbe', 'Душанбе', 'Dushanbe', ['таджикистан', 'tajikistan']),
  place('Asia/Ashgabat', 'Ашхабад', 'Ashgabat', ['туркменистан', 'turkmenistan']),

  // Belarus, Ukraine, Moldova, the Caucasus, the Baltics.
  place('Europe/Minsk', 'Минск', 'Minsk', ['беларусь', 'белоруссия', 'belarus']),
  place('Europe/Minsk', 'Гомель', 'Gomel', ['homel']),
  place('Europe/Minsk', 'Гродно', 'Grodno', ['hrodna']),
  place('Europe/Minsk', 'Витебск', 'Vitebsk'),
  place('Europe/Minsk', 'Могилёв', 'Mogilev'),
  place('Europe/Minsk', 'Брест, Беларусь', 'Brest, Belarus', ['брест', 'brest']),
  place('Europe/Kyiv', 'Киев', 'Kyiv', ['київ', 'kiev', 'украина', 'україна', 'ukraine']),
  place('Europe/Kyiv', 'Харьков', 'Kharkiv', ['харків', 'kharkov']),
  place('Europe/Kyiv', 'Одесса', 'Odesa', ['одеса', 'odessa']),
  place('Europe/Kyiv', 'Днепр', 'Dnipro', ['дніпро', 'днепропетровск']),
  place('Europe/Kyiv', 'Львов', 'Lviv', ['львів']),
  place('Europe/Chisinau', 'Кишинёв', 'Chisinau', ['молдова', 'молдавия', 'moldova', 'кишинэу']),
  place('Asia/Tbilisi', 'Тбилиси', 'Tbilisi', ['грузия', 'georgia', 'сакартвело']),
  place('Asia/Tbilisi', 'Батуми', 'Batumi'),
  place('Asia/Tbilisi', 'Кутаиси', 'Kutaisi'),
  place('Asia/Yerevan', 'Ереван', 'Yerevan', ['армения', 'armenia']),
  place('Asia/Yerevan', 'Гюмри', 'Gyumri'),
  place('Asia/Baku', 'Баку', 'Baku', ['азербайджан', 'azerbaijan']),
  place('Europe/Riga', 'Рига', 'Riga', ['латвия', 'latvia']),
  place('Europe/Riga', 'Юрмала', 'Jurmala'),
  place('Europe/Vilnius', 'Вильнюс', 'Vilnius', ['литва', 'lithuania']),
  place('Europe/Tallinn', 'Таллин', 'Tallinn', ['таллинн', 'эстония', 'estonia']),

  // Europe.
  place('Europe/London', 'Лондон', 'London', ['великобритания', 'англия', 'британия', 'uk', 'united kingdom', 'england', 'britain']),
  place('Europe/Dublin', 'Дублин', 'Dublin', ['ирландия', 'ireland']),
  place('Europe/Lisbon', 'Лиссабон', 'Lisbon', ['португалия', 'portugal', 'lisboa']),
  place('Europe/Lisbon', 'Порту', 'Porto'),
  place('Europe/Madrid', 'Мадрид', 'Madrid', ['испания', 'spain']),
  place('Europe/Madrid', 'Барселона', 'Barcelona'),
  place('Europe/Madrid', 'Валенсия', 'Valencia'),
  place('Europe/Madrid', 'Аликанте', 'Alicante'),
  place('Europe/Madrid', 'Малага', 'Malaga'),
  place('Europe/Paris', 'Париж', 'Paris', ['франция', 'france']),
  place('Europe/Paris', 'Ницца', 'Nice'),
  place('Europe/Paris', 'Брест, Франция', 'Brest, France', ['брест', 'brest']),
  place('Europe/Brussels', 'Брюссель', 'Brussels', ['бельгия', 'belgium']),
  place('Europe/Amsterdam', 'Амстердам', 'Amsterdam', ['нидерланды', 'голландия', 'netherlands', 'holland']),
  place('Europe/Berlin', 'Берлин', 'Berlin', ['германия', 'germany', 'deutschland']),
  place('Europe/Berlin', 'Мюнхен', 'Munich', ['munchen']),
  place('Europe/Berlin', 'Франкфурт', 'Frankfurt'),
  place('Europe/Berlin', 'Гамбург', 'Hamburg'),
  place('Europe/Vienna', 'Вена', 'Vienna', ['австрия', 'austria', 'wien']),
  place('Europe/Zurich', 'Цюрих', 'Zurich', ['швейцария', 'switzerland']),
  place('Europe/Zurich', 'Женева', 'Geneva'),
  place('Europe/Rome', 'Рим', 'Rome', ['италия', 'italy', 'roma']),
  place('Europe/Rome', 'Милан', 'Milan', ['milano']),
  place('Europe/Prague', 'Прага', 'Prague', ['чехия', 'czechia', 'czech republic', 'praha']),
  place('Europe/Prague', 'Карловы Вары', 'Karlovy Vary'),
  place('Europe/Warsaw', 'Варшава', 'Warsaw', ['польша', 'poland', 'warszawa']),
  place('Europe/Warsaw', 'Краков', 'Krakow'),
  place('Europe/Budapest', 'Будапешт', 'Budapest', ['венгрия', 'hungary']),
  place('Europe/Bratislava', 'Братислава', 'Bratislava', ['словакия', 'slovakia']),
  place('Europe/Ljubljana', 'Любляна', 'Ljubljana', ['словения', 'slovenia']),
  place('Europe/Zagreb', 'Загреб', 'Zagreb', ['хорватия', 'croatia']),
  place('Europe/Belgrade', 'Белград', 'Belgrade', ['сербия', 'serbia', 'beograd']),
  place('Europe/Belgrade', 'Нови-Сад', 'Novi Sad'),
  place('Europe/Podgorica', 'Подгорица', 'Podgorica', ['черногория', 'montenegro']),
  place('Europe/Podgorica', 'Будва', 'Budva'),
  place('Europe/Podgorica', 'Херцег-Нови', 'Herceg Novi'),
  place('Europe/Sofia', 'София', 'Sofia', ['болгария', 'bulgaria']),
  place('Europe/Sofia', 'Варна', 'Varna'),
  place('Europe/Bucharest', 'Бухарест', 'Bucharest', ['румыния', 'romania']),
  place('Europe/Athens', 'Афины', 'Athens', ['греция', 'greece']),
  place('Europe/Helsinki', 'Хельсинки', 'Helsinki', ['финляндия', 'finland']),
  place('Europe/Stockholm', 'Стокгольм', 'Stockholm', ['швеция', 'sweden']),
  place('Europe/Oslo', 'Осло', 'Oslo', ['норвегия', 'norway']),
  place('Europe/Copenhagen', 'Копенгаген', 'Copenhagen', ['дания', 'denmark']),
  place('Asia/Nicosia', 'Никосия', 'Nicosia', ['кипр', 'cyprus']),
  place('Asia/Nicosia', 'Лимассол', 'Limassol', ['лимасол']),
  place('Asia/Nicosia', 'Ларнака', 'Larnaca'),
  place('Asia/Nicosia', 'Пафос', 'Paphos'),
  place('Europe/Istanbul', 'Стамбул', 'Istanbul', ['турция', 'turkey', 'turkiye']),
  place('Europe/Istanbul', 'Анкара', 'Ankara'),
  place('Europe/Istanbul', 'Анталья', 'Antalya', ['анталия']),
  place('Europe/Istanbul', 'Аланья', 'Alanya', ['алания']),

  // The Middle East and Africa.
  place('Asia/Jerusalem', 'Иерусалим', 'Jerusalem', ['израиль', 'israel']),
  place('Asia/Jerusalem', 'Тель-Авив', 'Tel Aviv'),
  place('Asia/Jerusalem', 'Хайфа', 'Haifa'),
  place('Asia/Dubai', 'Дубай', 'Dubai', ['оаэ', 'эмираты', 'uae', 'emirates']),
  place('Asia/Dubai', 'Абу-Даби', 'Abu Dhabi'),
  place('Asia/Qatar', 'Доха', 'Doha', ['катар', 'qatar']),
  place('Asia/Riyadh', 'Эр-Рияд', 'Riyadh', ['рияд', 'саудовская аравия', 'saudi arabia']),
  place('Asia/Tehran', 'Тегеран', 'Tehran', ['иран', 'iran']),
  place('Africa/Cairo', 'Каир', 'Cairo', ['египет', 'egypt']),
  place('Africa/Cairo', 'Шарм-эш-Шейх', 'Sharm El Sheikh', ['шарм']),
  place('Africa/Cairo', 'Хургада', 'Hurghada'),

  // Asia and Oceania.
  place('Asia/Kolkata', 'Калькутта', 'Kolkata', ['calcutta']),
  place('Asia/Kolkata', 'Дели', 'Delhi', ['нью-дели', 'new delhi', 'индия', 'india']),
  place('Asia/Kolkata', 'Мумбаи', 'Mumbai', ['бомбей', 'bombay']),
  place('Asia/Kolkata', 'Гоа', 'Goa'),
  place('Asia/Colombo', 'Коломбо', 'Colombo', ['шри-ланка', 'sri lanka']),
  place('Asia/Kathmandu', 'Катманду', 'Kathmandu', ['непал', 'nepal']),
  place('Asia/Bangkok', 'Бангкок', 'Bangkok', ['таиланд', 'тайланд', 'thailand']),
  place('Asia/Bangkok', 'Пхукет', 'Phuket'),
  place('Asia/Bangkok', 'Паттайя', 'Pattaya', ['паттая']),
  place('Asia/Bangkok', 'Самуи', 'Koh Samui', ['самуи', 'samui']),
  place('Asia/Ho_Chi_Minh', 'Хошимин', 'Ho Chi Minh City', ['сайгон', 'saigon', 'вьетнам', 'vietnam']),
  place('Asia/Ho_Chi_Minh', 'Ханой', 'Hanoi'),
  place('Asia/Ho_Chi_Minh', 'Нячанг', 'Nha Trang'),
  place('Asia/Ho_Chi_Minh', 'Дананг', 'Da Nang'),
  place('Asia/Makassar', 'Бали', 'Bali', ['денпасар', 'denpasar', 'убуд', 'ubud', 'чангу', 'canggu', ...INDONESIA]),
  place('Asia/Jakarta', 'Джакарта', 'Jakarta', INDONESIA),
  place('Asia/Singapore', 'Сингапур', 'Singapore'),
  place('Asia/Kuala_Lumpur', 'Куала-Лумпур', 'Kuala Lumpur', ['малайзия', 'malaysia']),
  place('Asia/Manila', 'Манила', 'Manila', ['филиппины', 'philippines']),
  place('Asia/Hong_Kong', 'Гонконг', 'Hong Kong'),
  place('Asia/Shanghai', 'Пекин', 'Beijing', ['китай', 'china']),
  place('Asia/Shanghai', 'Шанхай', 'Shanghai'),
  place('Asia/Shanghai', 'Гуанчжоу', 'Guangzhou'),
  place('Asia/Seoul', 'Сеул', 'Seoul', ['корея', 'южная корея', 'korea', 'south korea']),
  place('Asia/Tokyo', 'Токио', 'Tokyo', ['япония', 'japan']),
  place('Asia/Ulaanbaatar', 'Улан-Батор', 'Ulaanbaatar', ['монголия', 'mongolia']),
  place('Australia/Sydney', 'Сидней', 'Sydney', AUSTRALIA),
  place('Australia/Melbourne', 'Мельбурн', 'Melbourne'),
  place('Australia/Brisbane', 'Брисбен', 'Brisbane'),
  place('Australia/Perth', 'Перт', 'Perth', AUSTRALIA),
  place('Pacific/Auckland', 'Окленд', 'Auckland', ['новая зеландия', 'new zealand']),

  // The Americas.
  place('America/New_York', 'Нью-Йорк', 'New York', ['nyc', 'ny', ...USA]),
  place('America/New_York', 'Майами', 'Miami', ['флорида', 'florida']),
  place('America/New_York', 'Бостон', 'Boston'),
  place('America/New_York', 'Вашингтон', 'Washington, D.C.', ['washington', 'dc']),
  place('America/New_York', 'Атланта', 'Atlanta', ['georgia']),
  place('America/New_York', 'Портленд, Мэн', 'Portland, Maine', ['портленд', 'portland']),
  place('America/Chicago', 'Чикаго', 'Chicago', USA),
  place('America/Chicago', 'Хьюстон', 'Houston', ['техас', 'texas']),
  place('America/Chicago', 'Даллас', 'Dallas'),
  place('America/Denver', 'Денвер', 'Denver', USA),
  place('America/Phoenix', 'Финикс', 'Phoenix', ['аризона', 'arizona']),
  place('America/Los_Angeles', 'Лос-Анджелес', 'Los Angeles', ['la', 'калифорния', 'california', ...USA]),
  place('America/Los_Angeles', 'Сан-Франциско', 'San Francisco', ['sf']),
  place('America/Los_Angeles', 'Сиэтл', 'Seattle', ['washington']),
  place('America/Los_Angeles', 'Лас-Вегас', 'Las Vegas'),
  place('America/Los_Angeles', 'Портленд, Орегон', 'Portland, Oregon', ['портленд', 'portland']),
  place('America/Anchorage', 'Анкоридж', 'Anchorage', ['аляска', 'alaska', ...USA]),
  place('Pacific/Honolulu', 'Гонолулу', 'Honolulu', ['гавайи', 'hawaii', ...USA]),
  place('America/Toronto', 'Торонто', 'Toronto', CANADA),
  place('America/Toronto', 'Монреаль', 'Montreal'),
  place('America/Toronto', 'Оттава', 'Ottawa'),
  place('America/Vancouver', 'Ванкувер', 'Vancouver', CANADA),
  place('America/Edmonton', 'Калгари', 'Calgary', CANADA),
  place('America/Halifax', 'Галифакс', 'Halifax'),
  place('America/St_Johns', 'Сент-Джонс', "St. John's", ['ньюфаундленд', 'newfoundland']),
  place('America/Mexico_City', 'Мехико', 'Mexico City', ['мексика', 'mexico']),
  place('America/Cancun', 'Канкун', 'Cancun'),
  place('America/Argentina/Buenos_Aires', 'Буэнос-Айрес', 'Buenos Aires', ['аргентина', 'argentina']),
  place('America/Sao_Paulo', 'Сан-Паулу', 'Sao Paulo', ['бразилия', 'brazil']),
  place('America/Sao_Paulo', 'Рио-де-Жанейро', 'Rio de Janeiro', ['рио', 'rio']),
  place('America/Bogota', 'Богота', 'Bogota', ['колумбия', 'colombia']),
  place('America/Lima', 'Лима', 'Lima', ['перу', 'peru']),
  place('America/Santiago', 'Сантьяго', 'Santiago', ['чили', 'chile']),
];

/** Zone abbreviations; one with several options ("CST": Chicago, China, Cuba) is answered with buttons. */
export const zoneAbbreviations: ReadonlyMap<string, readonly ZoneName[]> = (() => {
  const n = (zone: string, ru: string, en: string): ZoneName => ({ zone, name: { ru, en } });
  const moscow = n('Europe/Moscow', 'Москва', 'Moscow');
  const cet = n('Europe/Berlin', 'центральноевропейское время', 'Central European time');
  const kyiv = n('Europe/Kyiv', 'Киев', 'Kyiv');
  const riga = n('Europe/Riga', 'Рига', 'Riga');
  const chisinau = n('Europe/Chisinau', 'Кишинёв', 'Chisinau');
  const helsinki = n('Europe/Helsinki', 'Хельсинки', 'Helsinki');
  const athens = n('Europe/Athens', 'Афины', 'Athens');
  const kaliningrad = n('Europe/Kaliningrad', 'Калининград', 'Kaliningrad');
  const london = n('Europe/London', 'Лондон', 'London');
  const utc = n('UTC', 'всемирное время UTC', 'Coordinated Universal Time');
  const newYork = n('America/New_York', 'Нью-Йорк', 'New York');
  const chicago = n('America/Chicago', 'Чикаго', 'Chicago');
  const denver = n('America/Denver', 'Денвер', 'Denver');
  const phoenix = n('America/Phoenix', 'Финикс', 'Phoenix');
  const losAngeles = n('America/Los_Angeles', 'Лос-Анджелес', 'Los Angeles');
  const india = n('Asia/Kolkata', 'Индия', 'India');
  const israel = n('Asia/Jerusalem', 'Израиль', 'Israel');
  const yekaterinburg = n('Asia/Yekaterinburg', 'Екатеринбург', 'Yekaterinburg');
  const table: Record<string, readonly ZoneName[]> = {
    msk: [moscow],
    мск: [moscow],
    ekb: [yekaterinburg],
    екб: [yekaterinburg],
    yekt: [yekaterinburg],
    samt: [n('Europe/Samara', 'Самара', 'Samara')],
    omst: [n('Asia/Omsk', 'Омск', 'Omsk')],
    novt: [n('Asia/Novosibirsk', 'Новосибирск', 'Novosibirsk')],
    krat: [n('Asia/Krasnoyarsk', 'Красноярск', 'Krasnoyarsk')],
    irkt: [n('Asia/Irkutsk', 'Иркутск', 'Irkutsk')],
    yakt: [n('Asia/Yakutsk', 'Якутск', 'Yakutsk')],
    vlat: [n('Asia/Vladivostok', 'Владивосток', 'Vladivostok')],
    magt: [n('Asia/Magadan', 'Магадан', 'Magadan')],
    pett: [n('Asia/Kamchatka', 'Камчатка', 'Kamchatka')],
    almt: [n('Asia/Almaty', 'Алматы', 'Almaty')],
    cet: [cet],
    cest: [cet],
    met: [cet],
    eet: [kaliningrad, kyiv, riga, chisinau, helsinki, athens],
    eest: [kyiv, riga, chisinau, helsinki, athens],
    wet: [n('Europe/Lisbon', 'Лиссабон', 'Lisbon')],
    west: [n('Europe/Lisbon', 'Лиссабон', 'Lisbon')],
    gmt: [utc, london],
    bst: [london],
    est: [newYork],
    edt: [newYork],
    et: [newYork],
    cst: [chicago, n('Asia/Shanghai', 'Китай', 'China'), n('America/Havana', 'Куба', 'Cuba'), n('America/Mexico_City', 'Мехико', 'Mexico City')],
    cdt: [chicago, n('America/Havana', 'Куба', 'Cuba')],
    ct: [chicago],
    mst: [denver, phoenix],
    mdt: [denver],
    mt: [denver],
    pst: [losAngeles, n('Asia/Manila', 'Филиппины', 'Philippines')],
    pdt: [losAngeles],
    pt: [losAngeles],
    akst: [n('America/Anchorage', 'Аляска', 'Alaska')],
    hst: [n('Pacific/Honolulu', 'Гавайи', 'Hawaii')],
    ist: [india, israel, n('Europe/Dublin', 'Ирландия', 'Ireland')],
    idt: [israel],
    ast: [n('Asia/Riyadh', 'Эр-Рияд', 'Riyadh'), n('America/Halifax', 'Галифакс', 'Halifax')],
    gst: [n('Asia/Dubai', 'Дубай', 'Dubai')],
    trt: [n('Europe/Istanbul', 'Стамбул', 'Istanbul')],
    ict: [n('Asia/Bangkok', 'Бангкок', 'Bangkok')],
    wib: [n('Asia/Jakarta', 'Джакарта', 'Jakarta')],
    wita: [n('Asia/Makassar', 'Бали', 'Bali')],
    sgt: [n('Asia/Singapore', 'Сингапур', 'Singapore')],
    hkt: [n('Asia/Hong_Kong', 'Гонконг', 'Hong Kong')],
    jst: [n('Asia/Tokyo', 'Токио', 'Tokyo')],
    kst: [n('Asia/Seoul', 'Сеул', 'Seoul')],
    aest: [n('Australia/Sydney', 'Сидней', 'Sydney'), n('Australia/Brisbane', 'Брисбен', 'Brisbane')],
    aedt: [n('Australia/Sydney', 'Сидней', 'Sydney')],
    awst: [n('Australia/Perth', 'Перт', 'Perth')],
    nzst: [n('Pacific/Auckland', 'Окленд', 'Auckland')],
    nzdt: [n('Pacific/Auckland', 'Окленд', 'Auckland')],
  };
  return new Map(Object.entries(table));
})();

/**
 * "МСК+2": the Russian habit of counting from Moscow. Each step names the zone Russian law lists for it,
 * so МСК+4 is Krasnoyarsk although Novosibirsk shares its clock today.
 */
export const moscowRelativeZones: Readonly<Record<number, ZoneName>> = {
  [-1]: { zone: 'Europe/Kaliningrad', name: { ru: 'Калининград', en: 'Kaliningrad' } },
  0: { zone: 'Europe/Moscow', name: { ru: 'Москва', en: 'Moscow' } },
  1: { zone: 'Europe/Samara', name: { ru: 'Самара', en: 'Samara' } },
  2: { zone: 'Asia/Yekaterinburg', name: { ru: 'Екатеринбург', en: 'Yekaterinburg' } },
  3: { zone: 'Asia/Omsk', name: { ru: 'Омск', en: 'Omsk' } },
  4: { zone: 'Asia/Krasnoyarsk', name: { ru: 'Красноярск', en: 'Krasnoyarsk' } },
  5: { zone: 'Asia/Irkutsk', name: { ru: 'Иркутск', en: 'Irkutsk' } },
  6: { zone: 'Asia/Yakutsk', name: { ru: 'Якутск', en: 'Yakutsk' } },
  7: { zone: 'Asia/Vladivostok', name: { ru: 'Владивосток', en: 'Vladivostok' } },
  8: { zone: 'Asia/Magadan', name: { ru: 'Магадан', en: 'Magadan' } },
  9: { zone: 'Asia/Kamchatka', name: { ru: 'Камчатка', en: 'Kamchatka' } },
};

/**
 * Offsets that are not whole hours, in minutes east of UTC. IANA's fixed Etc zones exist only for whole
 * hours, so each names a real place: `yearRound` when it keeps that offset all year (a plain answer),
 * otherwise only part of the year (the seller confirms with a button, since their clock will move).
 */
export const fractionalOffsetZones: Readonly<Record<number, ZoneName & { yearRound: boolean }>> = {
  [-570]: { zone: 'Pacific/Marquesas', name: { ru: 'Маркизские острова', en: 'Marquesas Islands' }, yearRound: true },
  [-210]: { zone: 'America/St_Johns', name: { ru: 'Сент-Джонс', en: "St. John's" }, yearRound: false },
  210: { zone: 'Asia/Tehran', name: { ru: 'Тегеран', en: 'Tehran' }, yearRound: true },
  270: { zone: 'Asia/Kabul', name: { ru: 'Кабул', en: 'Kabul' }, yearRound: true },
  330: { zone: 'Asia/Kolkata', name: { ru: 'Индия', en: 'India' }, yearRound: true },
  345: { zone: 'Asia/Kathmandu', name: { ru: 'Катманду', en: 'Kathmandu' }, yearRound: true },
  390: { zone: 'Asia/Yangon', name: { ru: 'Янгон', en: 'Yangon' }, yearRound: true },
  525: { zone: 'Australia/Eucla', name: { ru: 'Юкла', en: 'Eucla' }, yearRound: true },
  570: { zone: 'Australia/Darwin', name: { ru: 'Дарвин', en: 'Darwin' }, yearRound: true },
  630: { zone: 'Australia/Lord_Howe', name: { ru: 'остров Лорд-Хау', en: 'Lord Howe Island' }, yearRound: false },
  765: { zone: 'Pacific/Chatham', name: { ru: 'острова Чатем', en: 'Chatham Islands' }, yearRound: false },
};

/**
 * Words around a place that say nothing about it: "в Москве", "на Бали", "время по МСК", "timezone Berlin".
 * They are dropped from names in the tables too, so "Ростов-на-Дону" and "Ho Chi Minh City" still match.
 */
// biome-ignore format: Russian words on one line, English on the next
export const zoneFillerWords: readonly string[] = [
  'в', 'во', 'на', 'по', 'г', 'город', 'городу', 'время', 'времени', 'часовой', 'пояс', 'зона',
  'in', 'on', 'at', 'the', 'city', 'time', 'zone', 'timezone', 'tz',
];
