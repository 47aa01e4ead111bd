/**
 * The domains' catalogs (spec §3): retail categories, product and promotion names; financial
 * branch, merchant and transaction-category names with weights; IoT device types with
 * weights. Lists are in the spec's order (ids follow it). `name:weight` pairs split at load.
 */

export interface Weighted {
  readonly name: string;
  readonly weight: number;
}

function weightedList(text: string): Weighted[] {
  return text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.lastIndexOf(':');
      return { name: s.slice(0, at), weight: Number(s.slice(at + 1)) };
    });
}

const list = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/** 50 product categories; roots at ids 1, 7, 13, 19, 24, 29, 34, 39, 43, 46, 49. */
export const RETAIL_CATEGORIES = list(`Electronics|Computers & Accessories|Smartphones & Tablets|Audio & Headphones|TV & Home Theater|
Cameras & Photography|Clothing|Men's Apparel|Women's Apparel|Children's Clothing|Shoes & Footwear|Activewear|Home & Garden|
Furniture|Kitchen & Dining|Bedding & Bath|Home Decor|Garden & Outdoor|Grocery & Gourmet|Snacks & Beverages|Pantry Staples|
Fresh & Refrigerated|Organic & Natural|Health & Beauty|Skincare|Hair Care|Vitamins & Supplements|Personal Care|
Sports & Outdoors|Exercise & Fitness|Camping & Hiking|Team Sports|Cycling|Toys & Games|Building Sets|Board Games & Puzzles|
Action Figures & Dolls|Outdoor Play|Books & Media|Fiction|Non-Fiction|Children's Books|Automotive|Car Care|
Parts & Accessories|Pet Supplies|Dog Supplies|Cat Supplies|Office Supplies|Writing & Organization`);

export const RETAIL_CATEGORY_ROOTS = [1, 7, 13, 19, 24, 29, 34, 39, 43, 46, 49];

/** 114 product names; groups by position map to the roots (see retail.ts). */
export const PRODUCT_NAMES = list(`Premium Wireless Earbuds|Ultra-Slim Laptop Stand|Smart LED Desk Lamp|Portable Bluetooth Speaker|
Ergonomic Keyboard|4K Webcam Pro|Noise-Cancelling Headphones|USB-C Hub 7-in-1|Wireless Charging Pad|Gaming Mouse RGB|
Mechanical Keyboard|27-inch Monitor|Tablet Protective Case|Phone Screen Protector|Fast Charge Cable 6ft|Classic Cotton T-Shirt|
Slim Fit Jeans|Running Shoes Pro|Wool Blend Sweater|Waterproof Rain Jacket|Casual Sneakers|Athletic Shorts|Yoga Pants|
Leather Belt|Silk Tie Collection|Cotton Dress Socks|Winter Beanie|Fleece Hoodie|Denim Jacket|Hiking Boots|
Stainless Steel Cookware Set|Memory Foam Pillow|Egyptian Cotton Sheets|Cast Iron Skillet 12-inch|Non-Stick Frying Pan|
Chef's Knife 8-inch|Bamboo Cutting Board|Stand Mixer 5-Quart|Electric Kettle|Coffee Maker 12-Cup|Air Fryer XL|
Blender Pro 1000W|Ceramic Dinner Plate Set|Wine Glass Set of 4|Insulated Travel Mug|Organic Trail Mix|Dark Chocolate Bar 72%|
Extra Virgin Olive Oil|Whole Bean Coffee Premium|Green Tea Sampler|Sparkling Water 12-Pack|Protein Bars Variety|
Organic Granola|Raw Honey 16oz|Almond Butter Natural|Quinoa Organic 2lb|Dried Mango Slices|Vitamin D3 Supplement|
Daily Multivitamin|Fish Oil Omega-3|Moisturizing Face Cream|Sunscreen SPF 50|Shampoo Volumizing|Electric Toothbrush|
Hand Sanitizer 8oz|Lip Balm SPF 15|Yoga Mat Premium|Resistance Band Set|Foam Roller 18-inch|Jump Rope Speed|
Dumbbell Set Adjustable|Water Bottle 32oz|Camping Tent 4-Person|Sleeping Bag 20°F|Hiking Backpack 40L|Bicycle Helmet|
Fishing Rod Combo|Soccer Ball Size 5|LEGO Architecture Set|Strategy Board Game|Puzzle 1000-Piece|Remote Control Car|
Play-Doh Mega Set|Outdoor Swing Set|Best-Selling Novel|Cookbook Mediterranean|Self-Help Journal|Children's Picture Book|
Science Fiction Anthology|History Documentary DVD|Car Wash Kit|Motor Oil 5W-30|Phone Mount for Car|Dog Food Premium 30lb|
Cat Litter Clumping|Pet Bed Orthopedic|Ballpoint Pen Set|Sticky Notes Assorted|Desk Organizer|Garden Hose 50ft|
LED String Lights|Throw Pillow Set of 2|Bath Towel Set Egyptian Cotton|Scented Candle Collection|Wall Clock Modern|
Outdoor Patio Chair|BBQ Grill Cover|Plant Pot Ceramic|Laundry Detergent Pods|Dish Soap Natural|All-Purpose Cleaner|
Paper Towels 12-Roll|Trash Bags Heavy Duty|Batteries AA 24-Pack`);

/** Last product-name position (1-based) of each group, in root order; 100–114 go back to Home & Garden. */
export const PRODUCT_GROUP_ENDS: readonly (readonly [number, number])[] = [
  [15, 1],
  [30, 7],
  [45, 13],
  [57, 19],
  [66, 24],
  [78, 29],
  [84, 34],
  [90, 39],
  [93, 43],
  [96, 46],
  [99, 49],
  [114, 13],
];

export const PROMO_NAMES = list(`Spring Clearance Sale|Summer Savings Event|Back to School Blowout|Fall Fashion Festival|
Holiday Mega Sale|Black Friday Doorbusters|Cyber Monday Deals|New Year New Deals|Valentine's Day Special|Easter Weekend Sale|
Memorial Day Markdown|4th of July Blowout|Labor Day Savings|Halloween Spooktacular|Thanksgiving Deal Days|Flash Sale Friday|
Weekend Warrior Deals|Member Appreciation Week|Loyalty Rewards Bonus|Birthday Month Special|Free Shipping Fiesta|
Buy More Save More|Clearance Blitz|Doorbuster Deals|Price Drop Alert|Limited Time Offer|Early Bird Special|
Last Chance Savings|Warehouse Sale|Inventory Blowout|Customer Appreciation Day|Friends & Family Event|VIP Access Sale|
Seasonal Refresh Sale|Bundle & Save|Mix & Match Promo|First Purchase Discount|Refer a Friend Bonus|Welcome Offer|
Anniversary Sale|End of Season Clearance|Monthly Deals|Weekly Special|Daily Deal|Lightning Deal|Exclusive Online Offer|
In-Store Only Special|App-Only Discount|Reward Points Double Day|Gift Card Bonus Event`);

export const BRANCH_NAMES = weightedList(`Main Street Branch:2.0|Downtown Financial Center:1.8|Eastside Branch:1.5|
Westside Branch:1.5|North Park Branch:1.2|South Lake Branch:1.2|University Branch:1.0|Airport Business Center:0.8|
Midtown Branch:1.3|Riverside Branch:1.0|Oak Plaza Branch:1.0|Maple Avenue Branch:1.0|Heritage Square Branch:0.9|
Lakewood Branch:0.9|Sunset Boulevard Branch:1.1|Colonial Drive Branch:0.8|Valley View Branch:0.8|Parkside Branch:0.9|
Cedar Hill Branch:0.7|Fountain Square Branch:0.7|Market Street Branch:1.2|Commerce Center Branch:1.0|Suburban Office:0.8|
Tech Corridor Branch:0.9|Civic Center Branch:0.7|Harbor View Branch:0.6|Hillcrest Branch:0.7|Crossroads Branch:0.8|
Greenfield Branch:0.6|Summit Branch:0.6`);

export const MERCHANTS = weightedList(`Walmart:3.0|Amazon:3.5|Target:2.0|Costco Wholesale:1.8|Kroger:1.5|Walgreens:1.2|
CVS Pharmacy:1.2|Home Depot:1.3|Starbucks:2.0|McDonald's:1.8|Chick-fil-A:1.2|Chipotle:1.0|Shell:1.5|Chevron:1.2|
ExxonMobil:1.0|Netflix:1.5|Spotify:1.0|Apple:1.2|Best Buy:0.8|Uber:1.3|Lyft:0.8|DoorDash:1.0|Grubhub:0.6|Whole Foods:0.9|
Trader Joe's:0.8|Publix:0.8|Safeway:0.7|Lowes:0.9|TJ Maxx:0.7|Nordstrom:0.5|Macy's:0.6|Nike:0.6|AT&T:0.8|Verizon:0.8|
T-Mobile:0.7|Comcast:0.6|Delta Airlines:0.4|Southwest Airlines:0.4|Marriott:0.3|Hilton:0.3|Planet Fitness:0.5|YMCA:0.3|
State Farm:0.4|Geico:0.3|Wendy's:0.7|Subway:0.7|Taco Bell:0.8|Dollar General:0.8|Dollar Tree:0.6|Sam's Club:0.7`);

export const TRANSACTION_CATEGORIES = weightedList(`Groceries:3.0|Dining & Restaurants:2.5|Gas & Fuel:2.0|Utilities:1.8|
Rent & Mortgage:1.5|Insurance:1.2|Healthcare:1.2|Pharmacy:0.8|Clothing & Apparel:1.5|Electronics:1.0|Home Improvement:0.8|
Auto & Transport:1.3|Entertainment:1.2|Streaming Services:0.9|Travel & Hotels:0.8|Airlines:0.5|Education:0.6|
Childcare:0.4|Pet Care:0.5|Gym & Fitness:0.6|Personal Care:0.7|Gifts & Donations:0.5|Subscriptions:0.8|
Phone & Internet:1.0|ATM Withdrawal:1.5|Wire Transfer:0.3|Payroll Deposit:2.0|Government:0.4|Investment:0.5|Bank Fee:0.6|
Interest Income:0.4|Loan Payment:0.8|Tax Payment:0.3|Refund:0.4|Cash Deposit:0.6|Check Deposit:0.4|Peer Transfer:1.0|
Online Shopping:2.0|Department Store:0.8|Miscellaneous:0.5`);

export const DEVICE_TYPES = weightedList(`Temperature Sensor Node:2.5|Humidity Monitor:2.0|Pressure Transmitter:1.8|Flow Meter:1.5|
Vibration Sensor:1.5|Smart Thermostat:1.8|Air Quality Monitor:1.3|Light Sensor:1.2|Motion Detector:1.5|
Smart Power Meter:1.4|Water Level Sensor:1.0|Gas Detector:1.2|Acoustic Sensor:0.9|GPS Tracker:1.3|Camera Module:1.0|
Soil Moisture Sensor:0.8|Wind Speed Anemometer:0.7|Load Cell:0.9|Proximity Sensor:1.1|Industrial PLC Gateway:1.0`);
