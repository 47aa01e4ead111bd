/**
 * Built-in word lists for text columns (spec §2 "faker": no Faker, built-in lists): streets,
 * email domains, company names and maintenance-note sentences. Streets, companies and
 * sentences are composed from short part lists so the shipped text stays small.
 */

const STREET_BASES = `Main Oak Maple Pine Cedar Elm Washington Lake Hill Park Walnut Chestnut Spruce Birch Willow Sunset
Lincoln Jefferson Madison Franklin Adams Jackson Monroe Wilson Church Mill School Spring Center Ridge River Highland
Forest Meadow Valley Prospect Pleasant Railroad Union Market Front Water Bridge Broad Court Academy College Garden
Orchard Grove Poplar Hickory Magnolia Dogwood Sycamore Aspen Laurel Holly Juniper Cypress Redwood Sequoia Hawthorn
Locust Mulberry Peach Cherry Apple Pecan Olive Palm Vine Ivy Rose Lilac Daisy Tulip Violet Clover Fern Heather Sage
Jasmine Lavender Primrose Sunflower Bluebird Cardinal Robin Sparrow Eagle Hawk Falcon Heron Swan Dove Quail Pheasant
Fox Deer Bear Wolf Elk Buffalo Beaver Otter Bay Harbor Ocean Beach Shore Coral Dune Island Canyon Mesa Summit Peak
Crest Glen Hollow Brook Creek Falls Pond Spring Bend Point Ridgeway Fairway Parkway Greenway Highland Woodland
Lakeview Hillside Riverside Brookside Lakeshore Mountain Country Colonial Heritage Liberty Independence Freedom Patriot
Pioneer Frontier Commerce Industrial Station Depot Canal Ferry Harbor Mill Quarry Forge Foundry Granite Marble Slate
Stone Boulder Flint Iron Copper Silver Gold Diamond Crystal Emerald Ruby Sapphire Amber Ivory Pearl Coral Jade
Kennedy Roosevelt Grant Sherman Lee Taylor Hamilton Webster Clay Calhoun Hancock Hudson Fulton Edison Morse Bell
Carver Audubon Lafayette Revere Putnam Greene Knox Warren Marion Sumter Wayne Mercer Morgan Allen Porter Perry
Dewey Decatur Farragut Harrison Tyler Polk Pierce Fillmore Buchanan Johnson Garfield Arthur Cleveland McKinley
Coolidge Hoover Truman Eisenhower Chapel Cemetery Hospital Airport Stadium Fairground Reservoir Ranch Farm Dairy
Vineyard Winery Orchard Pasture Prairie Plains Savanna Tundra Glacier Cascade Sierra Rocky Ozark Appalachian
Blue Ridge Smoky Shenandoah Potomac Delaware Hudson Ohio Missouri Colorado Columbia Snake Platte Arkansas Red
Wabash Cumberland Tennessee Alabama Yellowstone Sacramento Rio Grande Brazos Trinity Pecos Santa Fe Chisholm Oregon
Mohawk Seneca Cherokee Shawnee Iroquois Apache Navajo Sioux Cheyenne Pawnee Osage Comanche Dakota Huron Erie Ontario
Superior Michigan Champlain Tahoe Shasta Rainier Hood Whitney Elbert Denali Orchid Wisteria Azalea Camellia Gardenia
Hibiscus Marigold Begonia Peony Iris Zinnia Aster Dahlia Thistle Bramble Briar Heath Moor Downs Knoll Terrace
Vista View Haven Harbour Landing Crossing Commons Village Town Square Plaza Manor Estate Castle Abbey Priory Cloister`;

const ORDINAL = (k: number) => `${k}${k % 10 === 1 && k % 100 !== 11 ? 'st' : k % 10 === 2 && k % 100 !== 12 ? 'nd' : k % 10 === 3 && k % 100 !== 13 ? 'rd' : 'th'}`;

function unique(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))];
}

/** 1,000 street names: the base names, numbered streets 1st–70th, and compass-prefixed names. */
export const STREETS: readonly string[] = (() => {
  const bases = unique(STREET_BASES);
  const out = [...bases, ...Array.from({ length: 70 }, (_, k) => ORDINAL(k + 1))];
  for (const dir of ['North', 'South', 'East', 'West'])
    for (const b of bases) {
      if (out.length >= 1000) break;
      out.push(`${dir} ${b}`);
    }
  return out.slice(0, 1000);
})();

export const STREET_SUFFIXES: readonly string[] = ['St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Way', 'Ct', 'Pl', 'Rd', 'Cir'];

/** 50 email domains (common US consumer mail providers and ISPs). */
export const EMAIL_DOMAINS: readonly string[] = unique(`gmail.com yahoo.com outlook.com hotmail.com aol.com icloud.com msn.com
live.com comcast.net verizon.net att.net protonmail.com mail.com gmx.com zoho.com me.com mac.com sbcglobal.net cox.net
charter.net earthlink.net bellsouth.net optonline.net frontier.com windstream.net juno.com netzero.net rocketmail.com
ymail.com fastmail.com hushmail.com tutanota.com inbox.com aim.com roadrunner.com centurylink.net mindspring.com
prodigy.net pacbell.net suddenlink.net wowway.com rcn.com cableone.net embarqmail.com frontiernet.net twc.com
hughes.net q.com usa.net lycos.com`);

const COMPANY_HEADS = unique(`Apex Summit Pioneer Vertex Keystone Horizon Meridian Beacon Granite Cobalt Sterling Atlas Vanguard
Northstar Bluewater Redwood Ironwood Silverline Brightpath Clearwater Evergreen Highpoint Lakeshore Liberty Patriot Frontier
Cascade Crescent Quantum Nova Orion Titan Zenith Polaris Sentinel Trident Falcon Eagle Harbor Prairie Canyon Sierra Mesa
Delta Alpine Coastal Heartland Midwest Pacific`);

const COMPANY_TRADES = unique(`Systems Technologies Industries Labs Dynamics Solutions Networks Devices Controls Instruments
Electronics Sensors Automation Robotics Engineering Manufacturing Logistics Analytics Software Components Machines Energy
Power Telemetry Micro Signal Data Digital Precision Metrics Controls Works Partners Holdings Ventures Group Supply Equipment
Materials Products Services Innovations`);

const COMPANY_FORMS = ['Inc', 'LLC', 'Corp', 'Co', 'Ltd'];

/** 2,000 company names: `{head} {trade} {Inc|LLC|Corp|Co|Ltd}`. */
export const COMPANIES: readonly string[] = (() => {
  const out: string[] = [];
  for (let i = 0; out.length < 2000; i++) {
    const h = COMPANY_HEADS[i % COMPANY_HEADS.length];
    const t = COMPANY_TRADES[Math.floor(i / COMPANY_HEADS.length) % COMPANY_TRADES.length];
    out.push(`${h} ${t} ${COMPANY_FORMS[(i * 7) % COMPANY_FORMS.length]}`);
  }
  return out;
})();

const NOTE_ACTIONS = [
  'Replaced',
  'Inspected',
  'Cleaned',
  'Recalibrated',
  'Tightened',
  'Lubricated',
  'Tested',
  'Reseated',
  'Updated',
  'Adjusted',
  'Repaired',
  'Verified',
  'Reset',
  'Secured',
  'Realigned',
  'Flushed',
  'Resealed',
  'Rewired',
  'Checked',
  'Swapped',
];
const NOTE_PARTS = [
  'the battery pack',
  'the power supply',
  'the antenna mount',
  'the sensor probe',
  'the enclosure seal',
  'the mounting bracket',
  'the signal cable',
  'the cooling fan',
  'the air filter',
  'the pressure port',
  'the status LED board',
  'the network module',
  'the firmware image',
  'the terminal block',
  'the humidity element',
  'the reference thermistor',
  'the flow impeller',
  'the vibration pad',
  'the solar panel',
  'the data logger',
];
const NOTE_ENDINGS = [
  'during the scheduled visit.',
  'after an alert from the monitoring team.',
  'per the manufacturer checklist.',
  'and confirmed readings returned to normal.',
  'following a customer report.',
];

/** 2,000 maintenance-note sentences (20 actions × 20 parts × 5 endings). */
export const SENTENCES: readonly string[] = NOTE_ACTIONS.flatMap((a) => NOTE_PARTS.flatMap((p) => NOTE_ENDINGS.map((e) => `${a} ${p} ${e}`)));
