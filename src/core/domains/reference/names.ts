/**
 * Common US given names (by gender) and surnames, written for this project from general
 * knowledge of US naming (no third-party list copied). Kept as space-separated text: compact
 * to ship, split once at load. Order is part of the golden hashes: append, never reorder.
 */

const FEMALE = `Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra
Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen
Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine
Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea
Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia
Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis
Lori Tiffany Tammy Crystal Alyssa Erin Rose Dawn Paula Jane Peggy Connie Wendy Phyllis Tara Valerie Rita Holly Leslie
Anne Vanessa Sylvia Gail Ellen Josephine Tracy Joanne Lucy Monica Renee Sherry Carmen Ruby Katie Courtney Stacy Erica
Lillian Ella Chloe Avery Sofia Mia Harper Aria Scarlett Layla Zoe Nora Lily Eleanor Hazel Violet Aurora Savannah Audrey
Brooklyn Bella Claire Skylar Lucia Paisley Everly Caroline Nova Genesis Emilia Kennedy Maya Willow Kinsley Naomi Elena
Ariana Gabriella Eva Serenity Autumn Quinn Nevaeh Piper Ruby Madelyn Leah Aubrey Addison Allison Stella Hailey Melanie
Kaylee Jasmine Brianna Destiny Morgan Sydney Jenna Taylor Mackenzie Paige Jordan Kylie Molly Gabrielle Vivian Jocelyn
Miranda Lydia Adriana Brooke Faith Mariah Makayla Trinity Jada Katelyn Caitlin Kristen Kristin Kristina Katrina Meghan
Lindsey Lindsay Kelsey Cassandra Chelsea Bethany Whitney Kathy Tina Beth Cindy Marsha Yolanda Yvonne Jill Darlene
Annette Lorraine Bonnie Norma Irene Louise Edna Mildred Florence Ethel Thelma Lois Marjorie Agnes Bernice Pauline
Juanita Geraldine Esther Clara Hilda Lucille Gladys Vera Wanda Marion Rosa Ida Elsie Eileen Lena Maxine Viola Stella
Roberta Loretta Lorena Elaine Carla Regina Colleen Sheila Jeanette Melinda Shannon Kristy April Stacey Heidi Tonya Gina
Leticia Rosemary Bridget Naomi Jenny Misty Kara Kerry Kari Noelle Sonia Sonya Tamara Leah Felicia Marcia Antoinette
Margarita Guadalupe Veronica Alicia Ana Luz Gabriela Claudia Elisa Isabel Silvia Yesenia Esmeralda Marisol Adriana
Jacquelyn Kendra Kristi Natasha Tricia Robin Cathy Charlene Priscilla Mercedes Ramona Janie Lynn Joann Dana Daisy
Iris Ivy Jade Jillian Joy Juliana Julia Kate Kathryn Kendall Lacey Laurel Leila Liliana Mallory Margo Maureen Meredith
Nina Olga Pearl Penelope Rachael Rebekah Rochelle Sabrina Sasha Selena Shelby Sierra Tabitha Tessa Valeria Vicki Wendy
Yvette Zoey Abby Adeline Alana Alexandra Alexa Allie Alma Amelia Angelica Angelina Aniyah Arianna Ashlyn Athena Ayla
Bailey Bianca Brenda Briana Brynn Cadence Callie Camila Cara Carly Cecilia Celeste Celia Chantal Cora Daphne Delilah
Diamond Eliza Eloise Elsa Emery Esther Evangeline Fiona Freya Georgia Gianna Gwendolyn Harmony Heaven Helena Imani
Isla Ivanna Jamie Josie Journey Kaitlyn Kamila Karina Kassandra Kaya Keira Kenzie Kiara Laila Lana Leilani Lila Lola
Londyn Lucille Luna Lyla Macy Madeline Maggie Makenna Marlene Mckenna Michaela Mila Miriam Nadia Natalia Nayeli Noemi
Paola Paris Phoebe Raegan Reagan Reese Riley Rosalie Sadie Sage Salma Samara Sawyer Selah Sloane Tatiana Teagan Thea
Valentina Vera Vivienne Wren Ximena Yasmin Zara Adele Bernadette Blanche Cecile Constance Dolores Eleanor Eunice Fern
Flora Harriet Henrietta Ingrid Jeannie Lorene Lucinda Mabel Mae Marcella Maribel Minnie Muriel Myrtle Nellie Opal
Rosalind Sally Sue Susie Velma Winifred Brandi Candace Carrie Christy Desiree Ebony Hope Kristine Latoya Lynette
Shawna Shauna Stacie Tasha Toni Trisha Audra Cristina Elaina Giselle Joanna Katharine Lara Lea Marina Mariana Nicola`;

const MALE = `James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel Matthew Anthony Mark
Donald Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas
Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis
Jerry Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger
Terry Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Juan
Albert Willie Elijah Wayne Randy Vincent Mason Roy Ralph Bobby Russell Bradley Philip Eugene Liam Oliver Lucas Levi
Sebastian Mateo Jackson Owen Luke Jayden Wyatt Carter Julian Grayson Leo Lincoln Hudson Isaac Hunter Ezra Thomas
Caleb Josiah Charles Isaiah Andrew Connor Cameron Adrian Nolan Easton Elias Colton Jaxon Jace Landon Dominic Xavier
Miles Everett Kai Cooper Axel Ryder Greyson Jameson Parker Roman Bentley Brayden Declan Silas Maverick Weston Micah
Harrison Emmett Beau Ian Carson Jonah Ayden Vincent Brooks Rowan Sawyer Theodore Wesley Bennett Chase Leonardo
Jeffery Travis Shawn Jimmy Craig Alex Frederick Glenn Dale Curtis Victor Martin Ernest Phillip Todd Troy Randall Clarence
Johnny Howard Chad Eddie Barry Bernard Mario Leroy Francis Marcus Micheal Theodore Clifford Miguel Oscar Jay Jim Tom
Calvin Alex Jon Ronnie Bill Lloyd Tommy Leon Derek Warren Darrell Jerome Floyd Leo Alvin Tim Wesley Gordon Dean Greg
Jorge Dustin Pedro Derrick Dan Lewis Corey Herman Maurice Vernon Roberto Clyde Glen Hector Shane Ricardo Sam
Rick Lester Brent Ramon Charlie Tyrone Gilbert Gene Marc Reginald Ruben Brett Angel Nathaniel Rafael Leslie Edgar Milton
Raul Ben Chester Cecil Duane Franklin Andre Elmer Brad Gabriel Ron Mitchell Roland Arnold Harvey Jared Adrian Karl Cory
Claude Erik Darryl Jamie Neil Jessie Christian Javier Fernando Clinton Ted Mathew Tyrone Darren Lonnie Lance Cody Julio
Kelly Kurt Allan Nelson Guy Clayton Hugh Max Dwayne Dwight Armando Felix Jimmie Everett Jordan Ian Wallace Ken Bob
Jaime Casey Alfredo Alberto Dave Ivan Johnnie Sidney Byron Julian Isaac Morris Clifton Willard Daryl Ross Virgil Andy
Marshall Salvador Perry Kirk Sergio Marion Tracy Seth Kent Terrance Rene Eduardo Terrence Enrique Freddie Wade Austin
Stuart Fredrick Arturo Alejandro Nick Luther Wendell Jeremiah Evan Julius Donnie Otis Trevor Oliver Luke Homer Gerard
Doug Kenny Hubert Angelo Shaun Lyle Matt Lynn Alfonso Orlando Rex Carlton Ernesto Cameron Neal Pablo Lorenzo Omar
Wilbur Blake Grant Horace Roderick Kerry Abraham Willis Rickey Andres Cesar Johnathan Malcolm Rudolph Damon Kelvin
Rudy Preston Alton Archie Marco Pete Randolph Garry Geoffrey Felipe Bennie Gerardo Ed Dominic Robin Loren
Delbert Colin Guillermo Earnest Lucas Benny Noel Spencer Rodolfo Myron Edmund Garrett Salvatore Cedric Lowell Gregg
Sherman Wilson Devin Sylvester Kim Roosevelt Israel Jermaine Forrest Wilbert Leland Simon Guadalupe Clark Irving Carroll
Bryant Owen Rufus Woodrow Sammy Kristopher Mack Levi Marcos Gustavo Jake Lionel Marty Taylor Ellis Dallas Gilberto
Clint Nicolas Laurence Ismael Orville Drew Jody Ervin Dewey Al Wilfred Josh Hugo Ignacio Caleb Tomas Sheldon Erick Frankie
Stewart Doyle Rogelio Terence Santiago Alonzo Elias Bert Elbert Ramiro Conrad Pat Noah Grady Phil Cornelius
Lamar Rolando Clay Percy Dexter Bradford Merle Darin Amos Terrell Moses Irvin Saul Roman Darnell Randal Tommie Timmy
Darrin Winston Brendan Toby Van Abel Dominick Boyd Courtney Jan Emilio Elijah Cary Domingo Santos Aubrey Emmett Marlon
Emanuel Edmond Emil Will Otto Teddy Reynaldo Bret Morgan Jess Trent Humberto Emmanuel Stephan Louis
Vicente Lamont Stanley Garland Miles Micah Efrain Billie Logan Heath Rodger Harley Demetrius Ethan Eldon Rocky Pierre
Junior Freddy Eli Bryce Antoine Robbie Kendall Royce Sterling Mickey Chase Grover Elton Cleveland Dylan Chuck Damian
Reuben Stan August Leonardo Jasper Russel Erwin Benito Hans Monte Blaine Ernie Curt Quentin Agustin Murray Jamal Devon
Adolfo Harrison Tyson Burton Brady Elliott Wilfredo Bart Jarrod Vance Denis Damien Joaquin Harlan Desmond Elliot Darwin
Ashley Gregorio Buddy Xavier Kermit Roscoe Esteban Anton Solomon Scotty Norbert Elvin Nolan Carey Rod Quinton
Hal Rob Elwood Kendrick Darius Moises Marlin Fidel Thaddeus Cliff Marcel Ali Jackson Raphael Armand
Alvaro Dane Thurman Ned Sammie Rusty Michel Monty Rory Fabian Reggie Mason Graham Kris Isaiah Vaughn Gus
Avery Loyd Diego Alexis Adolph Norris Millard Rocco Gonzalo Derick Rodrigo Gerry Stacy Carmen Wiley Rigoberto Alphonso
Ty Shelby Rickie Noe Vern Bobbie Reed Jefferson Elvis Bernardo Mauricio Hiram Donovan Basil Riley Ollie Nickolas
Maynard Scot Vince Quincy Eddy Sebastian Federico Ulysses Heriberto Donnell Cole Denny Davis Gavin Emery Ward Romeo
Jayson Dion Dante Clement Coy Odell Maxwell Jarvis Bruno Issac Mary Dudley Brock Sanford Carmelo Barney Nestor Hollis
Stefan Donny Art Linwood Beau Weldon Galen Isidro Truman Delmar Silas Frederic Dick Kirby Irwin Cruz Merlin
Merrill Charley Marcelino Lane Harris Cleo Carlo Trenton Kurtis Hunter Aurelio Winfred Vito Collin Denver Carter Leonel
Emory Pasquale Mohammad Mariano Blair Landon Dirk Branden Adan Clair Buford German Bernie Wilmer Joan
Emerson Fletcher Jacques Errol Dalton Monroe Josue Dominique Booker Wilford Sonny Shelton Carson
Theron Raymundo Daren Tristan Houston Robby Lincoln Genaro Gale Bennett Octavio Cornell Antony
Herschel Alva Giovanni Garth Cyrus Cyril Ronny Stevie Lon Freeman Erin Duncan Carmine Augustine Erich
Chadwick Wilburn Russ Reid Myles Anderson Morton Jonas Forest Mervin Zane Rich Jamel Lazaro Alphonse 
Major Jarrett Brooks Ariel Abdul Dusty Luciano Lindsey Tracey Seymour Scottie Eugenio Mohammed Sandy Valentin
Chance Arnulfo Lucien Ferdinand Thad Ezra Sydney Aldo Rubin Royal Mitch Earle Abe Wyatt Marquis Lanny Kareem Jamar
Boris Isiah Emile Elmo Aron Leopoldo Everette Josef Gail Eloy Dorian Rodrick Reinaldo Lucio Jerrod Weston Hershel
Barton Parker Lemuel Burt Jules Gil Eliseo Ahmad Nigel Efren Antwan Alden Margarito Coleman Refugio Dino Osvaldo
Les Deandre Normand Ivory Andrea Trey Norberto Napoleon Jerold Fritz Rosendo Milford Deon Alfonzo
Lyman Josiah Brant Wilton Rico Jamaal Dewitt Carol Brenton Olin Foster Faustino Claudio Judson Gino Edgardo Berry
Alec Tanner Jarred Donn Trinidad Tad Shirley Prince Porfirio Odis Maria Lenard Chauncey Mel Marcelo Kory
Augustus Keven Hilario Bud Sal Rosario Orval Mauro Zachariah Anibal Milo Jed Frances Dillon Amado
Newton Connie Lenny Tory Richie Lupe Horacio Brice Mohamed Delmer Dario Reyes Mac Jonah Hank 
Rupert Rolland Kenton Damion Antone Waldo Fredric Bradly Quinn Kip Burl Walker Tyree Jefferey Ahmed Willy Stanford
Oren Noble Moshe Enoch Brendon Quintin Jamison Florencio Darrick Tobias Hassan Giuseppe Demarcus Cletus
Tyrell Lyndon Keenan Werner Theo Geraldo Lou Columbus Chet Bertram Markus Huey Hilton Dwain Donte Tyron Omer Isaias
Hipolito Fermin Adalberto Valentine Barrett Whitney Teodoro Mckinley Maximo Garfield Sol Raleigh
Abram Rashad King Emmitt Daron Paris Miquel Lacy Eusebio Domenic Darron Buster Antonia
Wilber Renato Hoyt Haywood Ezekiel Chas Florentino Elroy Clemente Arden Neville Kelley Edison Deshawn Carrol Shayne
Nathanial Jordon Danilo Val Sherwood Raymon Rayford Cristobal Ambrose Titus Hyman Felton Ezequiel Erasmo Stanton
Lonny Len Ike Milan Lino Jarod Herb Andreas Walton Rhett Palmer Jude Douglass Cordell Oswaldo Ellsworth Virgilio Toney
Nathanael Del Britt Benedict Mose Leigh Johnson Gayle Garret Fausto Asa Arlen Zack Warner Modesto Francesco
Jae Gaylord Gaston Filiberto Deangelo Granville Wes Malik Nicky Eldridge Cristopher Cortez
Malcom Korey Colton Waylon Von Hosea Shad Santo Rudolf Rolf Rey Renaldo Marcellus Lucius Lesley
Kristofer Boyce Benton Kasey Jewell Hayden Harland Arnoldo Rueben Leandro Jerrell Jeromy Cedrick Arlie
Winford Wally Patricia Luigi Jacinto Franklyn Edmundo Sid Porter Leif Lauren Elisha Buck 
Vincenzo Michal Lynwood Lindsay Jewel Elden Dorsey Broderick Alonso`;

const LAST = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson
Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen
King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez
Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz
Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett
Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell
Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray
Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb
Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks
Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson
Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters
Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado
Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George
Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin
Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson
Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang Weber Welch Rojas Lucas
Marquez Fields Park Yang Little Banks Padilla Day Walsh Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May
Holland Juarez Newman Pearson Curtis Cortez Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade Molina
Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig Ayala Lowe Frazier Powers Neal
Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz Norris Jennings Watts Duran Walters Cohen McDaniel Moran
Parks Steele Vaughn Becker Holt Deleon Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush
Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes Solis
Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins Aguirre Lin Cummings Chandler
Sharp Barber Bowen Ochoa Dennis Robbins Liu Ramsey Francis Griffith Paul Blair Oconnor Cardenas Pacheco Cross Calderon
Quinn Moss Swanson Chan Rivas Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin
Harmon McGee Gross Doyle Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady Goodman Roman Webster Goodwin
Fischer Huang Potter Delacruz Montoya Todd Wu Hines Mullins Castaneda Malone Cannon Tate Mack Sherman Hubbard Hodges
Zhang Guerra Wolf Valencia Saunders Franco Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos Clarke
Barton Schroeder Maxwell Waters Logan Camacho Strickland Norman Person Colon Parsons Frank Harrington Glover Osborne
Buchanan Casey Floyd Patton Ibarra Ball Tyler Suarez Bowers Orozco Salas Cobb Gibbs Andrade Bauer Conner Moody Escobar
McGuire Lloyd Mueller Hartman French Kramer McBride Pope Lindsey Velazquez Norton McCormick Sparks Flynn Yates Hogan
Marsh Macias Villanueva Zamora Pratt Stokes Owen Ballard Lang Brock Villarreal Charles Drake Barrera Cain Patrick Pineda
Burnett Mercado Santana Shepherd Bautista Ali Shaffer Lamb Trevino McKenzie Hess Beil Olsen Cochran Morton Nash Wilkins
Petersen Briggs Shah Roth Nicholson Holloway Lozano Rangel Flowers Hoover Short Arias Mora Valenzuela Bryan Meyers
Weiss Underwood Bass Greer Summers Houston Carson Morrow Clayton Whitaker Decker Yoder Collier Zuniga Carey Wilcox
Melendez Poole Roberson Larsen Conley Davenport Copeland Massey Lam Huff Rocha Cameron Jefferson Hood Monroe Anthony
Pittman Huynh Randall Singleton Kirk Combs Mathis Christian Skinner Bradford Richard Galvan Wall Boone Kirby Wilkinson
Bridges Bruce Atkinson Velez Meza Roy Vincent York Hodge Villa Abbott Allison Tapia Gates Chase Sosa Sweeney Farrell
Wyatt Dalton Horn Barron Phelps Yu Dickerson Heath Foley Atkins Mathews Bonilla Acevedo Benitez Zavala Hensley Glenn
Cisneros Harrell Shields Rubio Huffman Choi Boyer Garrison Arroyo Bond Kane Hancock Callahan Dillon Cline Wiggins
Grimes Arellano Melton Oneill Savage Ho Beltran Pitts Parrish Ponce Rich Booth Koch Golden Ware Brennan McDowell Marks
Cantu Humphrey Baxter Sawyer Clay Tanner Hutchinson Kaur Berg Wiley Gilmore Russo Villegas Hobbs Keith Wilkerson
Ahmed Beard McClain Montes Mata Rosario Vang Walter Henson Oneal Mosley McClure Beasley Stephenson Snow Huerta Preston
Vance Barry Johns Eaton Blackwell Dyer Prince Macdonald Solomon Guevara Stafford English Hurst Woodard Cortes Shannon
Kemp Nolan McCullough Merritt Murillo Moon Salgado Strong Kline Cordova Barajas Roach Rosas Winters Jacobson Lester Knox
Bullock Kerr Leach Meadows Orr Davila Whitehead Pruitt Kent Conway McKee Barr David Dejesus Marin Berger McIntyre
Blankenship Gaines Palacios Cuevas Bartlett Durham Dorsey McCall Odonnell Stein Browning Stout Lowery Sloan McLean
Hendricks Calhoun Sexton Chung Gentry Hull Duarte Ellison Nielsen Gillespie Buck Middleton Sellers Leblanc Esparza
Hardin Bradshaw McIntosh Howe Livingston Frost Glass Morse Knapp Herman Stark Bravo Noble Spears Weeks Corona Frederick
Buckley McFarland Hebert Enriquez Hickman Quintero Randolph Schaefer Walls Trejo House Reilly Pennington Michael Conrad
Giles Benjamin Crosby Fitzpatrick Donovan Mays Mahoney Valentine Raymond Medrano Hahn McMillan Small Bentley Felix Peck
Lucero Boyle Hanna Pace Rush Hurley Harding McConnell Bernal Nava Ayers Everett Ventura Avery Pugh Mayer Bender
Shepard McMahon Landry Case Sampson Moses Magana Blackburn Dunlap Gould Duffy Vaughan Herring McKay Espinosa Rivers
Farley Bernard Ashley Friedman Potts Truong Costa Correa Blevins Nixon Clements Fry Delarosa Best Benton Lugo Portillo
Dougherty Crane Haley Phan Villalobos Blanchard Horne Finley Quintana Lynn Esquivel Bean Dodson Mullen Xiong Hayden
Cano Levy Huber Richmond Moyer Lim Frye Sheppard McCarty Avalos Booker Waller Parra Woodward Jaramillo Krueger Rasmussen
Brandt Peralta Donaldson Stuart Faulkner Maynard Galindo Coffey Estes Sanford Burch Maddox Vo Oconnell Vu Andersen
Spence McPherson Church Schmitt Stanton Leal Cherry Compton Dudley Sierra Pollard Alfaro Hester Proctor Lu Hinton
Novak Good Madden McCann Terrell Jarvis Dickson Reyna Cantrell Mayo Branch Hendrix Rollins Rowland Whitney Duke Odom
Daugherty Travis Tang Archer`;

function words(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))];
}

/** Female given names (unique, in list order). */
export const FEMALE_FIRST_NAMES: readonly string[] = words(FEMALE);
/** Male given names (unique, in list order). */
export const MALE_FIRST_NAMES: readonly string[] = words(MALE).filter((n) => !FEMALE_FIRST_NAMES.includes(n));
/** Surnames (unique, in list order). */
export const LAST_NAMES: readonly string[] = words(LAST);
