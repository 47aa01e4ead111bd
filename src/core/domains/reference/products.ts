/**
 * What makes product names distinct within a catalogue and prices fit their category (spec
 * §7): every product is a (brand, product, line, variant) of its own; a product's price is
 * the typical price of what it is, moved by its brand's tier and its line.
 */
import { PRODUCT_NAMES } from './catalogs';

/** Typical shelf price in dollars of each of the 114 products, in PRODUCT_NAMES order. */
export const PRODUCT_PRICES: readonly number[] = [
  89, 39, 45, 59, 69, 99, 199, 39, 29, 49, 109, 279, 25, 12, 14, // electronics
  18, 49, 99, 65, 89, 69, 28, 45, 35, 39, 14, 19, 45, 75, 129, // clothing
  199, 45, 89, 39, 29, 59, 24, 299, 39, 59, 99, 89, 49, 35, 22, // home & kitchen
  8, 4, 14, 16, 12, 7, 18, 7, 11, 10, 9, 6, // grocery
  12, 18, 20, 28, 14, 12, 69, 5, 4, // health & beauty
  45, 24, 25, 15, 249, 25, 179, 89, 119, 55, 69, 25, // sports
  79, 45, 20, 49, 25, 299, // toys
  18, 28, 15, 12, 22, 15, // books & media
  35, 28, 22, // automotive
  64, 18, 59, // pet
  9, 7, 24, // office
  35, 19, 32, 55, 29, 35, 89, 29, 22, 19, 5, 6, 22, 16, 18, // home
];

/** Fictional brands; a brand's tier (budget, mid, premium) follows its position. */
export const BRANDS = `Auralis|Norvale|Kestrel|Brightmoor|Halden|Ventora|Lumiq|Pinecrest|Orrin|Calder & Co.|Everfield|Tidewell|
Marlowe|Quillon|Zephra|Northwind|Ashgrove|Sterling Oak|Bluefin|Corvid|Emberly|Fairhaven|Glenrock|Hollis|Ironbark|Juniper Lane|
Keystone|Larkspur|Meridian|Novaro|Oakhurst|Pembrook|Quarry|Redstone|Solvane|Thornbury|Umbra|Valemont|Willowby|Yarrow|Zenith|
Alder|Brisa|Crestline|Dunmore|Elmwood|Foxglove|Granite Peak|Harbor|Islay|Jasper|Kinfolk|Lumen|Maple & Pine|Nimbus|Orchard Row|
Pallas|Riverton|Summit|Trailhead`
  .split('|')
  .map((s) => s.trim());

export const BRAND_TIERS = [0.8, 1, 1.35] as const;

/** Product lines and how they move the price ('' is the plain product). */
export const LINES: readonly (readonly [string, number])[] = [
  ['', 1],
  ['Plus', 1.15],
  ['Pro', 1.3],
  ['Max', 1.45],
  ['Lite', 0.85],
  ['Essentials', 0.8],
  ['Signature', 1.25],
  ['Classic', 1],
];

/** Ten variants per product group, in PRODUCT_GROUP_ENDS order. */
export const GROUP_VARIANTS: readonly (readonly string[])[] = [
  ['Black', 'White', 'Graphite', 'Silver', 'Midnight Blue', 'Rose Gold', 'Space Gray', 'Arctic White', 'Forest Green', 'Coral'],
  ['Size S', 'Size M', 'Size L', 'Size XL', 'Navy', 'Charcoal', 'Olive', 'Burgundy', 'Heather Gray', 'Sand'],
  ['Stainless', 'Matte Black', 'Copper', 'Cream', 'Sage', 'Slate', 'Red', 'White', 'Walnut', 'Graphite'],
  ['8 oz', '12 oz', '16 oz', '24 oz', '2-Pack', '3-Pack', '6-Pack', 'Family Size', 'Organic', 'Unsweetened'],
  ['30 ct', '60 ct', '90 ct', '120 ct', '2 fl oz', '4 fl oz', '8 fl oz', 'Travel Size', 'Fragrance-Free', 'Sensitive'],
  ['Black', 'Blue', 'Red', 'Orange', 'Green', 'Gray', 'Small', 'Medium', 'Large', 'Team Edition'],
  ['Ages 3+', 'Ages 5+', 'Ages 8+', 'Ages 12+', 'Deluxe Edition', 'Starter Edition', 'Red', 'Blue', 'Classic Edition', 'Travel Edition'],
  ['Hardcover', 'Paperback', 'Large Print', "Collector's Edition", '2nd Edition', '3rd Edition', 'Illustrated', 'Anniversary Edition', 'Boxed Set', 'Special Edition'],
  ['Universal', 'Compact', 'SUV', 'Truck', '1 qt', '5 qt', 'Black', 'Gray', 'Premium', 'Heavy-Duty'],
  ['Small Breed', 'Large Breed', 'Puppy', 'Senior', '5 lb', '15 lb', '30 lb', 'Chicken', 'Salmon', 'Grain-Free'],
  ['Black', 'Blue', 'Assorted', '12-Pack', '24-Pack', '100-Pack', 'Letter', 'Legal', 'Recycled', 'Premium'],
  ['White', 'Warm White', 'Gray', 'Natural', 'Navy', 'Ivory', 'Charcoal', 'Lavender', 'Unscented', 'Value Pack'],
];

/** Distinct (product, brand, line, variant) combinations: 114 × 60 × 8 × 10 = 547,200. */
export const PRODUCT_SPACE = PRODUCT_NAMES.length * BRANDS.length * LINES.length * 10;
