/**
 * US cities with state, approximate centre (lat, lng) and a 3-digit zip prefix, written for
 * this project from general geographic knowledge (public facts, no third-party file copied).
 * Roughly by population: the first 30 are the largest cities, then the next 70, then towns
 * across every state and DC. `places.ts` derives the zip records from these lines.
 */
export const CITY_LINES = `New York,NY,40.71,-74.01,100
Los Angeles,CA,34.05,-118.24,900
Chicago,IL,41.88,-87.63,606
Houston,TX,29.76,-95.37,770
Phoenix,AZ,33.45,-112.07,850
Philadelphia,PA,39.95,-75.17,191
San Antonio,TX,29.42,-98.49,782
San Diego,CA,32.72,-117.16,921
Dallas,TX,32.78,-96.8,752
San Jose,CA,37.34,-121.89,951
Austin,TX,30.27,-97.74,787
Jacksonville,FL,30.33,-81.66,322
Fort Worth,TX,32.76,-97.33,761
Columbus,OH,39.96,-83,432
Charlotte,NC,35.23,-80.84,282
San Francisco,CA,37.77,-122.42,941
Indianapolis,IN,39.77,-86.16,462
Seattle,WA,47.61,-122.33,981
Denver,CO,39.74,-104.99,802
Washington,DC,38.91,-77.04,200
Boston,MA,42.36,-71.06,021
El Paso,TX,31.76,-106.49,799
Nashville,TN,36.16,-86.78,372
Detroit,MI,42.33,-83.05,482
Oklahoma City,OK,35.47,-97.52,731
Portland,OR,45.52,-122.68,972
Las Vegas,NV,36.17,-115.14,891
Memphis,TN,35.15,-90.05,381
Louisville,KY,38.25,-85.76,402
Baltimore,MD,39.29,-76.61,212
Milwaukee,WI,43.04,-87.91,532
Albuquerque,NM,35.08,-106.65,871
Tucson,AZ,32.22,-110.97,857
Fresno,CA,36.74,-119.79,937
Sacramento,CA,38.58,-121.49,958
Kansas City,MO,39.1,-94.58,641
Mesa,AZ,33.42,-111.83,852
Atlanta,GA,33.75,-84.39,303
Omaha,NE,41.26,-95.94,681
Colorado Springs,CO,38.83,-104.82,809
Raleigh,NC,35.78,-78.64,276
Long Beach,CA,33.77,-118.19,908
Virginia Beach,VA,36.85,-75.98,234
Miami,FL,25.76,-80.19,331
Oakland,CA,37.8,-122.27,946
Minneapolis,MN,44.98,-93.27,554
Tulsa,OK,36.15,-95.99,741
Bakersfield,CA,35.37,-119.02,933
Wichita,KS,37.69,-97.34,672
Arlington,TX,32.74,-97.11,760
Aurora,CO,39.73,-104.83,800
Tampa,FL,27.95,-82.46,336
New Orleans,LA,29.95,-90.07,701
Cleveland,OH,41.5,-81.69,441
Honolulu,HI,21.31,-157.86,968
Anaheim,CA,33.84,-117.91,928
Lexington,KY,38.04,-84.5,405
Stockton,CA,37.96,-121.29,952
Corpus Christi,TX,27.8,-97.4,784
Henderson,NV,36.04,-114.98,890
Riverside,CA,33.95,-117.4,925
Newark,NJ,40.74,-74.17,071
Saint Paul,MN,44.95,-93.09,551
Santa Ana,CA,33.75,-117.87,927
Cincinnati,OH,39.1,-84.51,452
Irvine,CA,33.68,-117.83,926
Orlando,FL,28.54,-81.38,328
Pittsburgh,PA,40.44,-80,152
St. Louis,MO,38.63,-90.2,631
Greensboro,NC,36.07,-79.79,274
Jersey City,NJ,40.73,-74.08,073
Anchorage,AK,61.22,-149.9,995
Lincoln,NE,40.81,-96.68,685
Plano,TX,33.02,-96.7,750
Durham,NC,35.99,-78.9,277
Buffalo,NY,42.89,-78.88,142
Chandler,AZ,33.31,-111.84,852
Chula Vista,CA,32.64,-117.08,919
Toledo,OH,41.65,-83.54,436
Madison,WI,43.07,-89.4,537
Gilbert,AZ,33.35,-111.79,852
Reno,NV,39.53,-119.81,895
Fort Wayne,IN,41.08,-85.14,468
North Las Vegas,NV,36.2,-115.12,890
St. Petersburg,FL,27.77,-82.64,337
Lubbock,TX,33.58,-101.86,794
Irving,TX,32.81,-96.95,750
Laredo,TX,27.53,-99.49,780
Winston-Salem,NC,36.1,-80.24,271
Chesapeake,VA,36.77,-76.29,233
Glendale,AZ,33.54,-112.19,853
Garland,TX,32.91,-96.64,750
Scottsdale,AZ,33.49,-111.93,852
Norfolk,VA,36.85,-76.29,235
Boise,ID,43.62,-116.2,837
Fremont,CA,37.55,-121.99,945
Spokane,WA,47.66,-117.43,992
Santa Clarita,CA,34.39,-118.54,913
Baton Rouge,LA,30.45,-91.19,708
Richmond,VA,37.54,-77.44,232
Birmingham,AL,33.52,-86.81,352
Montgomery,AL,32.38,-86.3,361
Mobile,AL,30.69,-88.04,366
Huntsville,AL,34.73,-86.59,358
Tuscaloosa,AL,33.21,-87.57,354
Dothan,AL,31.22,-85.39,363
Auburn,AL,32.61,-85.48,368
Fairbanks,AK,64.84,-147.72,997
Juneau,AK,58.3,-134.42,998
Wasilla,AK,61.58,-149.44,996
Ketchikan,AK,55.34,-131.64,999
Flagstaff,AZ,35.2,-111.65,860
Yuma,AZ,32.69,-114.63,853
Prescott,AZ,34.54,-112.47,863
Tempe,AZ,33.43,-111.94,852
Little Rock,AR,34.75,-92.29,722
Fort Smith,AR,35.39,-94.4,729
Fayetteville,AR,36.06,-94.16,727
Jonesboro,AR,35.84,-90.7,724
Springdale,AR,36.19,-94.13,727
Pine Bluff,AR,34.23,-92,716
Santa Barbara,CA,34.42,-119.7,931
Pasadena,CA,34.15,-118.14,911
Berkeley,CA,37.87,-122.27,947
Santa Rosa,CA,38.44,-122.71,954
Modesto,CA,37.64,-120.99,953
San Bernardino,CA,34.11,-117.29,924
Oxnard,CA,34.2,-119.18,930
Redding,CA,40.59,-122.39,960
Eureka,CA,40.8,-124.16,955
Palm Springs,CA,33.83,-116.55,922
Salinas,CA,36.68,-121.66,939
Fort Collins,CO,40.59,-105.08,805
Boulder,CO,40.01,-105.27,803
Pueblo,CO,38.25,-104.61,810
Grand Junction,CO,39.06,-108.55,815
Greeley,CO,40.42,-104.71,806
Durango,CO,37.28,-107.88,813
Hartford,CT,41.76,-72.67,061
New Haven,CT,41.31,-72.92,065
Bridgeport,CT,41.19,-73.2,066
Stamford,CT,41.05,-73.54,069
Waterbury,CT,41.56,-73.05,067
Norwich,CT,41.52,-72.08,063
Wilmington,DE,39.74,-75.55,198
Dover,DE,39.16,-75.52,199
Newark,DE,39.68,-75.75,197
Georgetown,DE,38.69,-75.39,199
Middletown,DE,39.45,-75.72,197
Tallahassee,FL,30.44,-84.28,323
Gainesville,FL,29.65,-82.32,326
Fort Lauderdale,FL,26.12,-80.14,333
West Palm Beach,FL,26.72,-80.05,334
Pensacola,FL,30.42,-87.22,325
Sarasota,FL,27.34,-82.53,342
Fort Myers,FL,26.64,-81.87,339
Daytona Beach,FL,29.21,-81.02,321
Lakeland,FL,28.04,-81.95,338
Ocala,FL,29.19,-82.14,344
Savannah,GA,32.08,-81.09,314
Augusta,GA,33.47,-81.97,309
Columbus,GA,32.46,-84.99,319
Macon,GA,32.84,-83.63,312
Athens,GA,33.96,-83.38,306
Albany,GA,31.58,-84.16,317
Valdosta,GA,30.83,-83.28,316
Hilo,HI,19.72,-155.09,967
Kailua,HI,21.4,-157.74,967
Kahului,HI,20.89,-156.47,967
Lihue,HI,21.98,-159.37,967
Pearl City,HI,21.4,-157.97,967
Idaho Falls,ID,43.49,-112.03,834
Pocatello,ID,42.87,-112.45,832
Nampa,ID,43.54,-116.56,836
Coeur d'Alene,ID,47.68,-116.78,838
Twin Falls,ID,42.56,-114.46,833
Lewiston,ID,46.42,-117.02,835
Springfield,IL,39.78,-89.65,627
Peoria,IL,40.69,-89.59,616
Rockford,IL,42.27,-89.09,611
Champaign,IL,40.12,-88.24,618
Naperville,IL,41.75,-88.15,605
Joliet,IL,41.53,-88.08,604
Carbondale,IL,37.73,-89.22,629
Evansville,IN,37.97,-87.57,477
South Bend,IN,41.68,-86.25,466
Bloomington,IN,39.17,-86.53,474
Lafayette,IN,40.42,-86.88,479
Gary,IN,41.59,-87.35,464
Terre Haute,IN,39.47,-87.41,478
Des Moines,IA,41.59,-93.62,503
Cedar Rapids,IA,41.98,-91.67,524
Davenport,IA,41.52,-90.58,528
Sioux City,IA,42.5,-96.4,511
Iowa City,IA,41.66,-91.53,522
Waterloo,IA,42.49,-92.34,507
Dubuque,IA,42.5,-90.66,520
Topeka,KS,39.05,-95.68,666
Overland Park,KS,38.98,-94.67,662
Lawrence,KS,38.97,-95.24,660
Manhattan,KS,39.18,-96.57,665
Salina,KS,38.84,-97.61,674
Dodge City,KS,37.75,-100.02,678
Bowling Green,KY,36.99,-86.44,421
Owensboro,KY,37.77,-87.11,423
Covington,KY,39.08,-84.51,410
Paducah,KY,37.08,-88.6,420
Frankfort,KY,38.2,-84.87,406
Shreveport,LA,32.53,-93.75,711
Lafayette,LA,30.22,-92.02,705
Lake Charles,LA,30.23,-93.22,706
Monroe,LA,32.51,-92.12,712
Alexandria,LA,31.31,-92.45,713
Houma,LA,29.6,-90.72,703
Portland,ME,43.66,-70.26,041
Bangor,ME,44.8,-68.77,044
Lewiston,ME,44.1,-70.21,042
Augusta,ME,44.31,-69.78,043
Presque Isle,ME,46.68,-68.02,047
Biddeford,ME,43.49,-70.45,040
Annapolis,MD,38.98,-76.49,214
Frederick,MD,39.41,-77.41,217
Hagerstown,MD,39.64,-77.72,217
Salisbury,MD,38.36,-75.6,218
Rockville,MD,39.08,-77.15,208
Cumberland,MD,39.65,-78.76,215
Worcester,MA,42.26,-71.8,016
Springfield,MA,42.1,-72.59,011
Cambridge,MA,42.37,-71.11,021
Lowell,MA,42.63,-71.32,018
New Bedford,MA,41.64,-70.93,027
Pittsfield,MA,42.45,-73.25,012
Hyannis,MA,41.65,-70.29,026
Grand Rapids,MI,42.96,-85.67,495
Lansing,MI,42.73,-84.56,489
Ann Arbor,MI,42.28,-83.74,481
Flint,MI,43.01,-83.69,485
Kalamazoo,MI,42.29,-85.59,490
Traverse City,MI,44.76,-85.62,496
Marquette,MI,46.54,-87.4,498
Saginaw,MI,43.42,-83.95,486
Duluth,MN,46.79,-92.1,558
Rochester,MN,44.02,-92.47,559
St. Cloud,MN,45.56,-94.16,563
Mankato,MN,44.16,-94,560
Bemidji,MN,47.47,-94.88,566
Moorhead,MN,46.87,-96.77,565
Jackson,MS,32.3,-90.18,392
Gulfport,MS,30.37,-89.09,395
Hattiesburg,MS,31.33,-89.29,394
Tupelo,MS,34.26,-88.7,388
Meridian,MS,32.36,-88.7,393
Biloxi,MS,30.4,-88.89,395
Oxford,MS,34.37,-89.52,386
Springfield,MO,37.21,-93.29,658
Columbia,MO,38.95,-92.33,652
Jefferson City,MO,38.58,-92.17,651
Joplin,MO,37.08,-94.51,648
St. Joseph,MO,39.77,-94.85,645
Cape Girardeau,MO,37.31,-89.52,637
Billings,MT,45.78,-108.5,591
Missoula,MT,46.87,-113.99,598
Great Falls,MT,47.5,-111.3,594
Bozeman,MT,45.68,-111.04,597
Helena,MT,46.59,-112.04,596
Butte,MT,46,-112.53,597
Kalispell,MT,48.2,-114.31,599
Grand Island,NE,40.92,-98.34,688
Kearney,NE,40.7,-99.08,688
North Platte,NE,41.12,-100.77,691
Scottsbluff,NE,41.87,-103.67,693
Norfolk,NE,42.03,-97.42,687
Carson City,NV,39.16,-119.77,897
Elko,NV,40.83,-115.76,898
Sparks,NV,39.53,-119.75,894
Fallon,NV,39.47,-118.78,894
Manchester,NH,42.99,-71.45,031
Nashua,NH,42.77,-71.47,030
Concord,NH,43.21,-71.54,033
Portsmouth,NH,43.07,-70.76,038
Keene,NH,42.93,-72.28,034
Dover,NH,43.2,-70.87,038
Lebanon,NH,43.64,-72.25,037
Trenton,NJ,40.22,-74.76,086
Paterson,NJ,40.92,-74.17,075
Camden,NJ,39.93,-75.12,081
Atlantic City,NJ,39.36,-74.42,084
New Brunswick,NJ,40.49,-74.45,089
Toms River,NJ,39.95,-74.2,087
Morristown,NJ,40.8,-74.48,079
Santa Fe,NM,35.69,-105.94,875
Las Cruces,NM,32.32,-106.76,880
Roswell,NM,33.39,-104.52,882
Farmington,NM,36.73,-108.22,874
Gallup,NM,35.53,-108.74,873
Clovis,NM,34.4,-103.2,881
Rochester,NY,43.16,-77.61,146
Syracuse,NY,43.05,-76.15,132
Albany,NY,42.65,-73.76,122
Yonkers,NY,40.93,-73.9,107
Brooklyn,NY,40.68,-73.94,112
Ithaca,NY,42.44,-76.5,148
Binghamton,NY,42.1,-75.91,139
Utica,NY,43.1,-75.23,135
Plattsburgh,NY,44.7,-73.45,129
Asheville,NC,35.6,-82.55,288
Wilmington,NC,34.23,-77.94,284
Fayetteville,NC,35.05,-78.88,283
Greenville,NC,35.61,-77.37,278
Boone,NC,36.22,-81.67,286
Fargo,ND,46.88,-96.79,581
Bismarck,ND,46.81,-100.78,585
Grand Forks,ND,47.93,-97.03,582
Minot,ND,48.23,-101.3,587
Williston,ND,48.15,-103.62,588
Dickinson,ND,46.88,-102.79,586
Jamestown,ND,46.91,-98.71,584
Akron,OH,41.08,-81.52,443
Dayton,OH,39.76,-84.19,454
Youngstown,OH,41.1,-80.65,445
Canton,OH,40.8,-81.38,447
Athens,OH,39.33,-82.1,457
Lima,OH,40.74,-84.11,458
Norman,OK,35.22,-97.44,730
Lawton,OK,34.6,-98.39,735
Enid,OK,36.4,-97.88,737
Stillwater,OK,36.12,-97.06,740
Muskogee,OK,35.75,-95.37,744
Eugene,OR,44.05,-123.09,974
Salem,OR,44.94,-123.04,973
Bend,OR,44.06,-121.31,977
Medford,OR,42.33,-122.87,975
Corvallis,OR,44.56,-123.26,973
Pendleton,OR,45.67,-118.79,978
Astoria,OR,46.19,-123.83,971
Allentown,PA,40.6,-75.49,181
Erie,PA,42.13,-80.09,165
Harrisburg,PA,40.27,-76.88,171
Scranton,PA,41.41,-75.66,185
Lancaster,PA,40.04,-76.31,176
State College,PA,40.79,-77.86,168
Reading,PA,40.34,-75.93,196
Altoona,PA,40.52,-78.4,166
Providence,RI,41.82,-71.41,029
Warwick,RI,41.7,-71.42,028
Cranston,RI,41.78,-71.44,029
Pawtucket,RI,41.88,-71.38,028
Newport,RI,41.49,-71.31,028
Woonsocket,RI,42,-71.51,028
Westerly,RI,41.38,-71.83,028
Columbia,SC,34,-81.03,292
Charleston,SC,32.78,-79.93,294
Greenville,SC,34.85,-82.4,296
Myrtle Beach,SC,33.69,-78.89,295
Spartanburg,SC,34.95,-81.93,293
Florence,SC,34.2,-79.76,295
Rock Hill,SC,34.92,-81.03,297
Sioux Falls,SD,43.54,-96.73,571
Rapid City,SD,44.08,-103.23,577
Aberdeen,SD,45.46,-98.49,574
Brookings,SD,44.31,-96.8,570
Watertown,SD,44.9,-97.12,572
Pierre,SD,44.37,-100.35,575
Mitchell,SD,43.71,-98.03,573
Knoxville,TN,35.96,-83.92,379
Chattanooga,TN,35.05,-85.31,374
Clarksville,TN,36.53,-87.36,370
Murfreesboro,TN,35.85,-86.39,371
Jackson,TN,35.61,-88.81,383
Johnson City,TN,36.31,-82.35,376
Cookeville,TN,36.16,-85.5,385
Amarillo,TX,35.22,-101.83,791
Waco,TX,31.55,-97.15,767
Midland,TX,32,-102.08,797
Beaumont,TX,30.08,-94.13,777
Tyler,TX,32.35,-95.3,757
Abilene,TX,32.45,-99.73,796
Brownsville,TX,25.9,-97.5,785
McAllen,TX,26.2,-98.23,785
San Angelo,TX,31.46,-100.44,769
Wichita Falls,TX,33.91,-98.49,763
College Station,TX,30.63,-96.33,778
Salt Lake City,UT,40.76,-111.89,841
Provo,UT,40.23,-111.66,846
Ogden,UT,41.22,-111.97,844
St. George,UT,37.1,-113.58,847
Logan,UT,41.74,-111.83,843
Moab,UT,38.57,-109.55,845
Cedar City,UT,37.68,-113.06,847
Burlington,VT,44.48,-73.21,054
Montpelier,VT,44.26,-72.58,056
Rutland,VT,43.61,-72.97,057
Brattleboro,VT,42.85,-72.56,053
St. Johnsbury,VT,44.42,-72.02,058
Barre,VT,44.2,-72.5,056
Bennington,VT,42.88,-73.2,052
Roanoke,VA,37.27,-79.94,240
Alexandria,VA,38.8,-77.05,223
Charlottesville,VA,38.03,-78.48,229
Lynchburg,VA,37.41,-79.14,245
Harrisonburg,VA,38.45,-78.87,228
Blacksburg,VA,37.23,-80.41,240
Tacoma,WA,47.25,-122.44,984
Vancouver,WA,45.64,-122.66,986
Bellingham,WA,48.75,-122.48,982
Yakima,WA,46.6,-120.51,989
Olympia,WA,47.04,-122.9,985
Kennewick,WA,46.21,-119.14,993
Wenatchee,WA,47.42,-120.31,988
Charleston,WV,38.35,-81.63,253
Huntington,WV,38.42,-82.45,257
Morgantown,WV,39.63,-79.96,265
Parkersburg,WV,39.27,-81.56,261
Wheeling,WV,40.06,-80.72,260
Beckley,WV,37.78,-81.19,258
Martinsburg,WV,39.46,-77.96,254
Green Bay,WI,44.51,-88.02,543
Eau Claire,WI,44.81,-91.5,547
La Crosse,WI,43.8,-91.24,546
Appleton,WI,44.26,-88.42,549
Wausau,WI,44.96,-89.63,544
Kenosha,WI,42.58,-87.82,531
Cheyenne,WY,41.14,-104.82,820
Casper,WY,42.87,-106.31,826
Laramie,WY,41.31,-105.59,820
Gillette,WY,44.29,-105.5,827
Rock Springs,WY,41.59,-109.2,829
Sheridan,WY,44.8,-106.96,828
Jackson,WY,43.48,-110.76,830
Cody,WY,44.53,-109.06,824
Riverton,WY,43.02,-108.38,825
Evanston,WY,41.27,-110.96,829`;
